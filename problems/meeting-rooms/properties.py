"""Meeting rooms: inputs and stress inputs (the checker is `exact`: the answer is a count).

Meetings are half-open, `[start, end)` with `start < end`: a meeting that ends at `t` and one
that starts at `t` can share a room.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 10**5
LIMIT = 10**9

Interval = tuple[int, int]


def _meeting(latest: int, longest: int) -> st.SearchStrategy[Interval]:
    """A start in [0, latest] and a length in [1, longest]: shrinks towards (0, 1)."""
    return st.builds(
        lambda start, length: (start, start + length),
        st.integers(0, latest),
        st.integers(1, longest),
    )


def _listed(intervals: list[Interval]) -> dict[str, Any]:
    return {"intervals": intervals}


@st.composite
def _on_few_times(draw: st.DrawFn) -> dict[str, Any]:
    """Every start and end among 0..4: many meetings end exactly when others start, and
    many start or end together."""
    pairs = draw(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=10))
    return _listed([(min(a, b), max(a, b)) if a != b else (a, a + 1) for a, b in pairs])


@st.composite
def _back_to_back(draw: st.DrawFn) -> dict[str, Any]:
    """A chain of meetings, each starting when the one before ends (one room), plus a few
    others, in shuffled order."""
    lengths = draw(st.lists(st.integers(1, 3), min_size=1, max_size=8))
    chain, time = [], draw(st.integers(0, 3))
    for length in lengths:
        chain.append((time, time + length))
        time += length
    others = draw(st.lists(_meeting(time, 4), max_size=3))
    return _listed(draw(st.permutations(chain + others)))


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """No meetings, one meeting, meetings that end when another starts (in either order),
    identical meetings, meetings nested in a long one, a peak followed by a quiet end, and
    times at 0 and 10^9; mostly within [0, 12] so that overlaps and equal times are
    common, and some lists of up to 60 meetings. Shrinks towards fewer meetings, then
    towards the meeting (0, 1)."""
    fixed = st.sampled_from(
        [
            _listed([]),
            _listed([(0, 1)]),
            _listed([(0, LIMIT)]),
            _listed([(2, 3), (1, 2)]),
            _listed([(1, 2), (2, 3), (0, 1)]),
            _listed([(1, 5), (1, 5), (1, 5)]),
            _listed([(1, 5), (2, 6), (10, 11)]),
            _listed([(0, 30), (5, 10), (15, 20), (17, 25)]),
            _listed([(8, 9), (2, 8), (4, 5), (5, 9)]),
            _listed([(0, LIMIT), (LIMIT - 1, LIMIT), (0, 1)]),
        ]
    )
    extremes = st.sampled_from([0, 1, LIMIT - 1, LIMIT])
    wide = st.lists(st.tuples(extremes, extremes), max_size=5).map(
        lambda pairs: _listed([(min(a, b), max(a, b)) for a, b in pairs if a != b])
    )
    return (
        st.lists(_meeting(8, 4), max_size=8).map(_listed)
        | _on_few_times()
        | _back_to_back()
        | fixed
        | wide
        | st.lists(_meeting(60, 12), max_size=60).map(_listed)
    )


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    """YAML gives intervals as lists; the signature promises tuples."""
    return _listed([tuple(interval) for interval in values["intervals"]])


def _all_overlap(rng: random.Random) -> list[Interval]:
    """Every meeting holds the time 5 · 10^8: the answer is MAX_N rooms."""
    middle = LIMIT // 2
    return [(rng.randrange(middle), rng.randint(middle + 1, LIMIT)) for _ in range(MAX_N)]


def _on_a_grid(rng: random.Random) -> list[Interval]:
    """Meetings starting and ending on multiples of 10^4: at almost every start some
    meeting ends exactly then, and several start together."""
    step = 10**4
    meetings = []
    for _ in range(MAX_N):
        start = step * rng.randrange(LIMIT // step - 10)
        meetings.append((start, start + step * rng.randint(1, 10)))
    return meetings


def _nested_and_chained(rng: random.Random) -> list[Interval]:
    """Half the meetings nested one inside the next (all share the middle of the day), the
    other half back to back across the whole day: the answer is MAX_N / 2 + 1."""
    half = MAX_N // 2
    nested = [(k, LIMIT - k) for k in range(half)]
    cuts = sorted(rng.sample(range(1, LIMIT), half - 1))
    chained = list(zip([0, *cuts], [*cuts, LIMIT], strict=True))
    return nested + chained


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 10^5), shuffled: meetings that all overlap (10^5 rooms), meetings
    on a coarse grid of times (many ends equal to starts), and nested meetings beside a
    back-to-back chain (5 · 10^4 + 1 rooms)."""
    cases = []
    for build in (_all_overlap, _on_a_grid, _nested_and_chained):
        meetings = build(rng)
        rng.shuffle(meetings)
        cases.append(_listed(meetings))
    return cases

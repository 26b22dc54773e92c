"""Top K Frequent Elements: inputs, stress inputs, and the checker (any valid set is accepted).

A right answer holds exactly k distinct values of nums, in any order, and no value left out
occurs strictly more often than one included: on a tie at the cut-off any tied value will do.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from hypothesis import strategies as st

from judge.authoring import valid_answer

MAX_N = 10**5
LIMIT = 10**9
SHOWN = 8
"""Values named in a rejection at most (a wrong answer may hold 10^5)."""

VALUES = st.integers(-3, 3) | st.sampled_from([-LIMIT, LIMIT]) | st.integers(-LIMIT, LIMIT)
"""Mostly a few small values (so values repeat and counts tie), the extremes, and any."""


@st.composite
def _counted(draw: st.DrawFn, max_distinct: int = 8, max_count: int = 5) -> dict[str, Any]:
    """Distinct values, each given a count, shuffled together; k anywhere from 0 to all of them.
    Small counts make ties (at the cut-off too) common."""
    counts = draw(
        st.dictionaries(VALUES, st.integers(1, max_count), max_size=max_distinct),
    )
    nums = draw(st.permutations([value for value, count in counts.items() for _ in range(count)]))
    return {"nums": nums, "k": draw(st.integers(0, len(counts)))}


@st.composite
def _drawn(draw: st.DrawFn, max_size: int = 30) -> dict[str, Any]:
    """Values drawn one by one (runs, repeats far apart); k from 0 to the distinct count."""
    nums = draw(st.lists(VALUES, max_size=max_size))
    return {"nums": nums, "k": draw(st.integers(0, len(set(nums))))}


@st.composite
def _tie_at_cut(draw: st.DrawFn) -> dict[str, Any]:
    """A clear winner or two, then several values sharing the next count, of which k takes
    only some: the answer is not unique."""
    tied = draw(st.lists(VALUES, min_size=2, max_size=5, unique=True))
    count = draw(st.integers(1, 3))
    winners = draw(st.lists(VALUES.filter(lambda v: v not in tied), max_size=2, unique=True))
    losers = draw(st.lists(VALUES.filter(lambda v: v not in tied), max_size=3, unique=True))
    nums = [value for value in tied for _ in range(count)]
    nums += [value for value in winners if value not in losers for _ in range(count + 2)]
    nums += [value for value in losers if value not in winners for _ in range(count - 1)]
    distinct_winners = len([value for value in winners if value not in losers])
    k = distinct_winners + draw(st.integers(1, len(tied) - 1))
    return {"nums": draw(st.permutations(nums)), "k": k}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """The empty list (k = 0), one element, one value repeated, all values distinct (every
    value ties), k = 0 on a non-empty list, k = the number of distinct values, ties at the
    cut-off, negatives and values of ±10^9, and lists of up to 300. Shrinks towards shorter
    lists, k = 0 and values near 0."""
    fixed = st.sampled_from(
        [
            {"nums": [], "k": 0},
            {"nums": [7], "k": 1},
            {"nums": [7], "k": 0},
            {"nums": [-2, -2, -2], "k": 1},
            {"nums": [3, 1, 2], "k": 3},
            {"nums": [LIMIT, -LIMIT, LIMIT], "k": 2},
        ]
    )
    return (
        _counted()
        | _drawn()
        | _tie_at_cut()
        | fixed
        | _counted(max_distinct=40, max_count=8)
        | _drawn(max_size=300)
    )


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """10^5 values each time: almost all distinct (k = 5·10^4, so about 10^5 distinct values
    each scanned for), a skewed spread over 2·10^4 values (k = 10), and 5·10^4 values twice
    each, shuffled (k = 2.5·10^4, every value ties)."""
    spread = [rng.randint(-LIMIT, LIMIT) for _ in range(MAX_N)]
    pool = rng.sample(range(-LIMIT, LIMIT + 1), 2 * 10**4)
    skewed = [pool[int(len(pool) * rng.random() ** 3)] for _ in range(MAX_N)]
    twice = rng.sample(range(-LIMIT, LIMIT + 1), MAX_N // 2) * 2
    rng.shuffle(twice)
    return [
        {"nums": spread, "k": MAX_N // 2},
        {"nums": skewed, "k": 10},
        {"nums": twice, "k": MAX_N // 4},
    ]


def _show(values: list[Any]) -> str:
    return repr(values) if len(values) <= SHOWN else f"{values[:SHOWN]!r}… ({len(values)} values)"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def valid(case: dict[str, Any], got: Any) -> str | None:
    nums, k = case["nums"], case["k"]
    if not isinstance(got, (list, tuple)):
        return f"the answer must be a list of ints, got {type(got).__name__}"
    if len(got) != k:
        return f"the answer must hold exactly k = {k} values, got {len(got)}: {_show(list(got))}"
    for value in got:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"the answer must hold ints, got {value!r} ({type(value).__name__})"
    counts = Counter(nums)
    for value in got:
        if value not in counts:
            return f"{value} does not occur in nums"
    repeated = [value for value, times in Counter(got).items() if times > 1]
    if repeated:
        return f"{repeated[0]} appears more than once in the answer; the k values must differ"
    chosen = set(got)
    weakest = min(got, key=counts.__getitem__, default=None)
    left_out = [value for value in counts if value not in chosen]
    strongest = max(left_out, key=counts.__getitem__, default=None)
    if weakest is not None and strongest is not None and counts[strongest] > counts[weakest]:
        return (
            f"{strongest} ({_times(counts[strongest])}) is left out, "
            f"but {weakest} ({_times(counts[weakest])}) is included"
        )
    return None


def total_frequency(case: dict[str, Any], answer: list[int]) -> int:
    """How many elements of nums the chosen values cover: the most a right answer can reach."""
    counts = Counter(case["nums"])
    return sum(counts[value] for value in answer)


check = valid_answer(valid, objective=total_frequency, goal="max", name="total frequency")

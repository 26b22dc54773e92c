"""Merge intervals: inputs and stress inputs (the checker is `exact`: one right answer).

Intervals are closed, `start <= end` (a single point `(x, x)` is an interval), and may come
in any order, nested, repeated or touching.
"""

from __future__ import annotations

import random
from itertools import pairwise
from typing import Any

from hypothesis import strategies as st

MAX_N = 10**5
LIMIT = 10**9

Interval = tuple[int, int]


def _interval(span: int, longest: int) -> st.SearchStrategy[Interval]:
    """A start in [-span, span] and a length in [0, longest]: shrinks towards the point (0, 0)."""
    return st.builds(
        lambda start, length: (start, start + length),
        st.integers(-span, span),
        st.integers(0, longest),
    )


def _listed(intervals: list[Interval]) -> dict[str, Any]:
    return {"intervals": intervals}


@st.composite
def _chain(draw: st.DrawFn) -> dict[str, Any]:
    """Pieces that each touch or overlap the next, or leave a gap of exactly one (which must
    not merge), in shuffled order."""
    cuts = draw(st.lists(st.integers(0, 3), min_size=1, max_size=10))
    gaps = draw(st.lists(st.sampled_from([0, 0, -1, 1]), min_size=len(cuts), max_size=len(cuts)))
    pieces, position = [], draw(st.integers(-5, 5))
    for cut, gap in zip(cuts, gaps, strict=True):
        pieces.append((position, position + cut))
        position += cut + gap if cut + gap >= 0 else cut
    return _listed(draw(st.permutations(pieces)))


@st.composite
def _nested(draw: st.DrawFn) -> dict[str, Any]:
    """Intervals inside an outer one (nested, repeated, sharing an end), plus a few others,
    in shuffled order: the last merged end must be the largest seen, not the latest."""
    outer = draw(_interval(5, 12))
    low, high = outer
    inner = draw(st.lists(st.tuples(st.integers(low, high), st.integers(low, high)), max_size=6))
    inside = [(min(a, b), max(a, b)) for a, b in inner]
    others = draw(st.lists(_interval(12, 3), max_size=3))
    return _listed(draw(st.permutations([outer, *inside, *others])))


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """No intervals, one interval, single points, duplicates, equal starts with different
    ends, nested intervals, touching chains, gaps of exactly one, negative values and the
    extremes ±10^9; mostly within [-12, 20] so that overlaps are common, and some lists of up
    to 60 intervals. Shrinks towards fewer intervals, then towards the point (0, 0)."""
    fixed = st.sampled_from(
        [
            _listed([]),
            _listed([(0, 0)]),
            _listed([(1, 2), (3, 4)]),
            _listed([(3, 4), (1, 2)]),
            _listed([(1, 2), (2, 3)]),
            _listed([(1, 10), (2, 3), (4, 5)]),
            _listed([(1, 5), (1, 2)]),
            _listed([(1, 2), (1, 5)]),
            _listed([(5, 5), (5, 5)]),
            _listed([(5, 5), (4, 4), (6, 6)]),
            _listed([(-3, -1), (-7, -5), (-5, -4)]),
            _listed([(-LIMIT, LIMIT), (0, 0)]),
            _listed([(LIMIT, LIMIT), (-LIMIT, -LIMIT), (LIMIT - 1, LIMIT)]),
        ]
    )
    extremes = st.sampled_from([-LIMIT, -LIMIT + 1, -1, 0, 1, LIMIT - 1, LIMIT])
    wide = st.lists(st.tuples(extremes, extremes), max_size=5).map(
        lambda pairs: _listed([(min(a, b), max(a, b)) for a, b in pairs])
    )
    return (
        st.lists(_interval(8, 4), max_size=8).map(_listed)
        | _chain()
        | _nested()
        | fixed
        | wide
        | st.lists(_interval(40, 6), max_size=60).map(_listed)
    )


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    """YAML gives intervals as lists; the signature promises tuples."""
    return _listed([tuple(interval) for interval in values["intervals"]])


def _disjoint(rng: random.Random) -> list[Interval]:
    """MAX_N pairwise disjoint intervals over [-10^9, 10^9]; every other one ends just before
    the next one starts (end + 1 == next start, which must not merge). Nothing merges, so
    the answer has MAX_N intervals."""
    step = 2 * LIMIT // MAX_N
    intervals = []
    for k in range(MAX_N):
        start = -LIMIT + k * step
        end = start + (step - 1 if k % 2 else rng.randrange(step - 1))
        intervals.append((start, end))
    return intervals


def _one_chain(rng: random.Random) -> list[Interval]:
    """MAX_N intervals that merge into [-10^9, 10^9]: a chain of touching pieces, each also
    holding a nested or repeated interval, and the whole span as a single interval."""
    cuts = sorted(rng.sample(range(-LIMIT + 1, LIMIT), MAX_N // 2 - 1))
    bounds = [-LIMIT, *cuts, LIMIT]
    pieces = list(pairwise(bounds))
    intervals = [(-LIMIT, LIMIT), *pieces]
    for low, high in pieces[1:]:
        a, b = rng.randint(low, high), rng.randint(low, high)
        intervals.append((min(a, b), max(a, b)))
    return intervals


def _clusters(rng: random.Random) -> list[Interval]:
    """10^4 clusters of ten: overlapping, nested, repeated, touching and single points."""
    intervals = []
    width = 2 * LIMIT // 10**4
    for k in range(10**4):
        low = -LIMIT + k * width
        for _ in range(10):
            start = low + rng.randrange(width // 2)
            intervals.append((start, start + rng.choice([0, 1, rng.randrange(width // 2)])))
    return intervals


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 10^5), shuffled: pairwise disjoint intervals (nothing merges; an
    answer of 10^5 intervals), one chain spanning [-10^9, 10^9] (everything merges), and
    10^4 clusters of ten overlapping intervals."""
    cases = []
    for build in (_disjoint, _one_chain, _clusters):
        intervals = build(rng)
        rng.shuffle(intervals)
        cases.append(_listed(intervals))
    return cases

"""Largest rectangle in a histogram: inputs and stress inputs (the checker is `exact`)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 10**5
MAX_HEIGHT = 10**9

HEIGHTS = st.integers(0, 4) | st.integers(0, MAX_HEIGHT) | st.just(MAX_HEIGHT)
"""Small heights (plateaus, ties and zeros), the maximum (areas past 2^31), and any."""


def _case(heights: list[int]) -> dict[str, Any]:
    return {"heights": heights}


@st.composite
def _plateaus(draw: st.DrawFn) -> dict[str, Any]:
    """Runs of equal bars: a flat run, steps up, steps down, dips of height 0."""
    runs = draw(st.lists(st.tuples(HEIGHTS, st.integers(1, 5)), max_size=6))
    return _case([height for height, length in runs for _ in range(length)])


@st.composite
def _monotone(draw: st.DrawFn) -> dict[str, Any]:
    """Non-decreasing or non-increasing bars: the best rectangle often reaches an edge."""
    heights = sorted(draw(st.lists(HEIGHTS, max_size=12)))
    return _case(heights[::-1] if draw(st.booleans()) else heights)


@st.composite
def _mountain(draw: st.DrawFn) -> dict[str, Any]:
    """Up then down (or down then up): the lowest bars sit at the edges (or in the middle)."""
    up = sorted(draw(st.lists(HEIGHTS, max_size=8)))
    down = sorted(draw(st.lists(HEIGHTS, max_size=8)), reverse=True)
    return _case(down + up if draw(st.booleans()) else up + down)


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """No bars, one bar, zeros, plateaus of equal bars, sorted and reverse-sorted bars,
    mountains and valleys, heights up to 10^9 (areas past 2^31), and random rows of up to
    40 bars. Every branch shrinks towards the empty histogram, then towards fewer and lower
    bars (height 0)."""
    fixed = st.sampled_from(
        [
            _case([]),
            _case([0]),
            _case([7]),
            _case([0, 0, 0]),
            _case([3, 3]),
            _case([2, 1, 2]),
            _case([1, 2, 3]),
            _case([3, 2, 1]),
            _case([MAX_HEIGHT] * 5),
        ]
    )
    small = st.lists(st.integers(0, 4), max_size=12).map(_case)
    any_heights = st.lists(HEIGHTS, max_size=40).map(_case)
    return small | _plateaus() | _monotone() | _mountain() | fixed | any_heights


def _plateau_steps(rng: random.Random) -> list[int]:
    """Runs of 1 to 2000 equal bars whose heights wander up and down."""
    heights: list[int] = []
    while len(heights) < MAX_N:
        height = rng.randint(1, MAX_HEIGHT)
        heights += [height] * rng.randint(1, 2000)
    return heights[:MAX_N]


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 10^5): strictly increasing bars, strictly decreasing bars (growing a
    rectangle out of every bar, or scanning from every peak, is O(n^2) on them), and long
    plateaus. Heights reach 10^9."""
    ascending = sorted(rng.sample(range(1, MAX_HEIGHT + 1), MAX_N))
    descending = sorted(rng.sample(range(1, MAX_HEIGHT + 1), MAX_N), reverse=True)
    return [_case(ascending), _case(descending), _case(_plateau_steps(rng))]

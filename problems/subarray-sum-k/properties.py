"""Subarrays summing to k: inputs and stress inputs (the checker is `exact`)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 10**5
MAX_VALUE = 1000
MAX_K = 10**8

VALUES = st.integers(-3, 3) | st.integers(-MAX_VALUE, MAX_VALUE) | st.just(MAX_VALUE)
"""Small values (zeros, negatives, repeated prefix sums), the maximum, and any."""


@st.composite
def _planted(draw: st.DrawFn, values: st.SearchStrategy[int] = VALUES) -> dict[str, Any]:
    """k is the sum of a random non-empty subarray (often negative or 0), so the answer is
    at least 1."""
    nums = draw(st.lists(values, min_size=1, max_size=20))
    i = draw(st.integers(0, len(nums) - 1))
    j = draw(st.integers(i + 1, len(nums)))
    return {"nums": nums, "k": sum(nums[i:j])}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Lists of up to 20 values in -3..3 with k in -4..4 (zeros, negatives, repeated prefix
    sums, many answers), k planted as the sum of a subarray, runs of zeros with k = 0,
    values up to ±1000 with k up to ±10^8, lists of up to 100 values, and fixed edges: the
    empty list, one value equal or not to k, k = 0 with no zero sum, the whole list at the
    extremes. Shrinks towards the empty list and k = 0, then towards short lists of zeros."""
    small = st.fixed_dictionaries(
        {"nums": st.lists(st.integers(-3, 3), max_size=20), "k": st.integers(-4, 4)}
    )
    zeros = st.builds(lambda n: {"nums": [0] * n, "k": 0}, st.integers(0, 12))
    wide = st.fixed_dictionaries(
        {
            "nums": st.lists(VALUES, max_size=12),
            "k": st.integers(-MAX_K, MAX_K) | st.sampled_from([-MAX_K, MAX_K, 0]) | VALUES,
        }
    )
    medium = _planted(st.integers(-10, 10)) | st.fixed_dictionaries(
        {"nums": st.lists(st.integers(-2, 2), max_size=100), "k": st.integers(-3, 3)}
    )
    fixed = st.sampled_from(
        [
            {"nums": [], "k": 0},
            {"nums": [], "k": 5},
            {"nums": [0], "k": 0},
            {"nums": [7], "k": 7},
            {"nums": [7], "k": -7},
            {"nums": [5, -5], "k": 0},
            {"nums": [3, 5], "k": 0},
            {"nums": [MAX_VALUE] * 3, "k": 3 * MAX_VALUE},
            {"nums": [-MAX_VALUE] * 3, "k": -2 * MAX_VALUE},
            {"nums": [MAX_VALUE], "k": MAX_K},
        ]
    )
    return small | _planted() | zeros | wide | medium | fixed


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum length (n = 10^5): all zeros with k = 0 (every one of the 5 000 050 000
    subarrays counts), random values in ±1000 with k the sum of a random subarray, and a
    random walk of -1, 0 and 1 with k = -1 (prefix sums repeat thousands of times)."""
    zeros = {"nums": [0] * MAX_N, "k": 0}
    spread = [rng.randint(-MAX_VALUE, MAX_VALUE) for _ in range(MAX_N)]
    i = rng.randrange(MAX_N)
    j = rng.randint(i + 1, MAX_N)
    walk = [rng.choice((-1, 0, 1)) for _ in range(MAX_N)]
    return [zeros, {"nums": spread, "k": sum(spread[i:j])}, {"nums": walk, "k": -1}]

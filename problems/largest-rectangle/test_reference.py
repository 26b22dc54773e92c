"""The reference against every pair of ends (brute force) on generated histograms, and at
full size against nearest-lower-bar arrays and the closed forms for sorted bars."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def every_pair_of_ends(heights: list[int]) -> int:
    """O(n^2): every range i..j, with its lowest bar kept as j grows."""
    best = 0
    for i in range(len(heights)):
        lowest = heights[i]
        for j in range(i, len(heights)):
            lowest = min(lowest, heights[j])
            best = max(best, lowest * (j - i + 1))
    return best


def nearest_lower_bars(heights: list[int]) -> int:
    """O(n) by another route: for each bar, the nearest strictly lower bar on either side
    (found by jumping along the chains of nearest lower bars) bounds the widest rectangle
    of that bar's height."""
    n = len(heights)
    left, right = [-1] * n, [n] * n
    for i in range(n):
        k = i - 1
        while k >= 0 and heights[k] >= heights[i]:
            k = left[k]
        left[i] = k
    for i in reversed(range(n)):
        k = i + 1
        while k < n and heights[k] >= heights[i]:
            k = right[k]
        right[i] = k
    return max((heights[i] * (right[i] - left[i] - 1) for i in range(n)), default=0)


def valid(heights: list[int]) -> bool:
    return len(heights) <= properties.MAX_N and all(
        0 <= height <= properties.MAX_HEIGHT for height in heights
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_every_pair_of_ends(case: dict[str, Any]) -> None:
    heights = case["heights"]
    assert valid(heights)
    answer = reference_answer(PROBLEM, case)
    assert type(answer) is int
    assert answer == every_pair_of_ends(heights) == nearest_lower_bars(heights)


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok, example
        assert example.output == every_pair_of_ends(case["heights"])


def test_stress_cases_are_sorted_and_flat_at_the_maximum_size() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert cases == properties.stress_cases(random.Random(0))
    ascending, descending, plateaus = (case["heights"] for case in cases)
    for heights in (ascending, descending, plateaus):
        assert len(heights) == properties.MAX_N and valid(heights)
    assert all(a < b for a, b in pairwise(ascending))
    assert all(a > b for a, b in pairwise(descending))
    runs = 1 + sum(a != b for a, b in pairwise(plateaus))
    assert runs <= properties.MAX_N // 500  # about 100 plateaus of ~1000 bars
    assert max(ascending) > properties.MAX_HEIGHT - 10**5


def test_reference_agrees_at_full_size() -> None:
    """Sorted bars have closed forms: with increasing heights the best rectangle of bar i's
    height runs to the right edge; with decreasing heights, to the left edge."""
    ascending, descending, plateaus = properties.stress_cases(random.Random(0))
    n = properties.MAX_N
    rising, falling = ascending["heights"], descending["heights"]
    assert reference_answer(PROBLEM, ascending) == max(h * (n - i) for i, h in enumerate(rising))
    assert reference_answer(PROBLEM, descending) == max(h * (i + 1) for i, h in enumerate(falling))
    for case in (ascending, descending, plateaus):
        answer = reference_answer(PROBLEM, case)
        assert answer == nearest_lower_bars(case["heights"])
        assert answer > 2**31

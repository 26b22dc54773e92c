"""The reference against every subarray on generated lists, against positions grouped by
prefix sum (bisect) at full size, and the stress cases against the limits."""

from __future__ import annotations

import bisect
import random
from collections import defaultdict
from itertools import accumulate
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
reference = PROBLEM.reference
properties = PROBLEM.properties


def every_subarray(nums: list[int], k: int) -> int:
    """Sum every non-empty slice: O(n^3), obviously right."""
    n = len(nums)
    return sum(sum(nums[i:j]) == k for i in range(n) for j in range(i + 1, n + 1))


def by_positions(nums: list[int], k: int) -> int:
    """The sorted positions of each prefix sum; for each end j, bisect counts the starts
    i < j whose prefix is prefix[j] - k. O(n log n), no running count of any kind."""
    prefixes = [0, *accumulate(nums)]
    positions: dict[int, list[int]] = defaultdict(list)
    for index, prefix in enumerate(prefixes):
        positions[prefix].append(index)
    return sum(
        bisect.bisect_left(positions.get(prefix - k, []), j) for j, prefix in enumerate(prefixes)
    )


def valid(case: dict[str, Any]) -> bool:
    nums, k = case["nums"], case["k"]
    return (
        len(nums) <= properties.MAX_N
        and all(abs(value) <= properties.MAX_VALUE for value in nums)
        and abs(k) <= properties.MAX_K
    )


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_every_subarray(case: dict[str, Any]) -> None:
    assert valid(case)
    answer = reference(case["nums"], case["k"])
    assert type(answer) is int
    assert answer == by_positions(case["nums"], case["k"])
    if len(case["nums"]) <= 30:
        assert answer == every_subarray(case["nums"], case["k"])


def test_edges() -> None:
    assert reference([], 0) == 0  # the empty subarray never counts
    assert reference([0, 0, 0], 0) == 6
    assert reference([1, -1, 1], 1) == 3  # negatives: a window cannot shrink greedily
    assert reference([-1], 1) == 0  # a sum of -k is not a sum of k
    assert reference([5, -5], 0) == 1


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok, example
        assert example.output == every_subarray(case["nums"], case["k"])


def test_stress_cases_reach_the_maxima() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    for case in cases:
        assert valid(case) and len(case["nums"]) == properties.MAX_N
        assert reference(case["nums"], case["k"]) == by_positions(case["nums"], case["k"])
    zeros, spread, walk = cases
    n = properties.MAX_N
    assert set(zeros["nums"]) == {0} and zeros["k"] == 0
    assert reference(zeros["nums"], 0) == n * (n + 1) // 2 > 2**32
    assert min(spread["nums"]) == -properties.MAX_VALUE
    assert max(spread["nums"]) == properties.MAX_VALUE
    assert reference(spread["nums"], spread["k"]) >= 1  # k is the sum of a subarray
    assert set(walk["nums"]) == {-1, 0, 1} and walk["k"] == -1
    assert reference(walk["nums"], walk["k"]) > 10**6  # many repeated prefix sums

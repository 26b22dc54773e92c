"""The reference and the checker agree with a brute force over all pairs, and at full size
with sorting and two pointers (an independent algorithm: the brute force is too slow there)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import CheckContext, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def valid_pairs(nums: list[int], target: int) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.permutations(range(len(nums)), 2)
        if nums[i] + nums[j] == target
    }


def _check(case: dict[str, Any], got: Any) -> bool:
    expected = reference_answer(PROBLEM, case)
    return bool(properties.check(CheckContext(case, expected, got, PROBLEM.tolerance)).ok)


def pair_exists(nums: list[int], target: int) -> bool:
    """Two pointers over the sorted values: O(n log n), sharing nothing with a hash map."""
    ordered = sorted(nums)
    low, high = 0, len(ordered) - 1
    while low < high:
        total = ordered[low] + ordered[high]
        if total == target:
            return True
        if total < target:
            low += 1
        else:
            high -= 1
    return False


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_finds_a_pair_exactly_when_one_exists(case: dict[str, Any]) -> None:
    pairs = valid_pairs(case["nums"], case["target"])
    got = reference_answer(PROBLEM, case)
    assert (got is None) == (not pairs)
    assert pair_exists(case["nums"], case["target"]) == bool(pairs)  # the oracles agree
    if got is not None:
        assert tuple(got) in pairs
        assert _check(case, got) and _check(case, list(reversed(got)))


@given(properties.cases())
def test_checker_rejects_what_brute_force_rejects(case: dict[str, Any]) -> None:
    pairs = valid_pairs(case["nums"], case["target"])
    n = len(case["nums"])
    for candidate in [None, (0, 0), (0, n), (-1, 0), "0,1", (True, 1), (0, 1, 2)]:
        expected_ok = candidate is None and not pairs
        if (
            isinstance(candidate, tuple)
            and len(candidate) == 2
            and not any(isinstance(k, bool) for k in candidate)
        ):
            expected_ok = candidate in pairs
        assert _check(case, candidate) == expected_ok, candidate


def test_examples_are_right_answers() -> None:
    for example in PROBLEM.examples:
        assert _check(dict(example.input), example.output)


def test_stress_reaches_the_maximum_size() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert all(len(case["nums"]) == properties.MAX_N for case in cases)
    assert reference_answer(PROBLEM, cases[1]) is None


def test_reference_agrees_with_two_pointers_at_full_size() -> None:
    """The stress cases (the only pair at the very end; no pair at all), checked by an
    independent algorithm, and the reference's pair by arithmetic."""
    for case in properties.stress_cases(random.Random(0)):
        nums, target = case["nums"], case["target"]
        got = reference_answer(PROBLEM, case)
        assert (got is not None) == pair_exists(nums, target)
        if got is not None:
            i, j = got
            assert i != j and 0 <= i < len(nums) and 0 <= j < len(nums)
            assert nums[i] + nums[j] == target

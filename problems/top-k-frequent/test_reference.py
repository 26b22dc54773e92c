"""The reference against counting by list scans on generated lists and with numpy at full
size; the checker against every k-subset of small lists and against malformed answers."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def top_counts(nums: list[int], k: int) -> list[int]:
    """The k highest frequencies, highest first, by scanning the list once per distinct value:
    every right answer's values have exactly these frequencies."""
    return sorted((nums.count(value) for value in set(nums)), reverse=True)[:k]


def is_right(nums: list[int], k: int, answer: list[int]) -> bool:
    return (
        len(answer) == k
        and len(set(answer)) == k
        and all(value in nums for value in answer)
        and sorted((nums.count(value) for value in answer), reverse=True) == top_counts(nums, k)
    )


def accepted(case: dict[str, Any], got: Any) -> bool:
    return bool(check(PROBLEM, case, got).ok)


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_is_right_by_list_scans(case: dict[str, Any]) -> None:
    nums, k = case["nums"], case["k"]
    assert 0 <= k <= len(set(nums))
    answer = reference_answer(PROBLEM, case)
    assert is_right(nums, k, answer)
    assert accepted(case, answer) and accepted(case, answer[::-1])


@settings(max_examples=150, deadline=None)
@given(properties.cases())
def test_checker_accepts_exactly_the_right_subsets(case: dict[str, Any]) -> None:
    """Every k-subset of the distinct values (up to 8 of them), in two orders: the checker's
    verdict is the brute force's."""
    nums, k = case["nums"], case["k"]
    distinct = sorted(set(nums))
    if len(distinct) > 8:
        return
    for chosen in itertools.combinations(distinct, k):
        right = is_right(nums, k, list(chosen))
        assert accepted(case, list(chosen)) == right, chosen
        assert accepted(case, list(reversed(chosen))) == right, chosen


def test_checker_accepts_any_of_the_tied_values() -> None:
    case = {"nums": [5, 5, 6, 6, 7], "k": 1}
    assert accepted(case, [5]) and accepted(case, [6])
    assert not accepted(case, [7])
    case = {"nums": [4, -1, 4, 7, -1, 7, 2], "k": 2}
    for pair in ([4, -1], [-1, 4], [4, 7], [7, -1], (7, 4)):
        assert accepted(case, pair)


def test_checker_rejects_wrong_answers_of_every_shape_with_a_reason() -> None:
    case = {"nums": [1, 1, 1, 2, 2, 3, -5], "k": 2}
    wrong = [
        None,  # no answer
        "1,2",  # not a list
        {1: 3, 2: 2},  # a dict of counts
        1,  # a bare int
        [1],  # too short
        [1, 2, 3],  # too long
        [[1], [2]],  # nested
        [1, True],  # a bool is not an int
        [1.0, 2.0],  # floats
        [1, 1],  # a repeat
        [1, 4],  # 4 is not in nums
        [1, 3],  # 2 (twice) is left out for 3 (once)
        [3, -5],  # both least frequent
    ]
    for got in wrong:
        verdict = check(PROBLEM, case, got)
        assert not verdict.ok, got
        assert verdict.message, got


def test_rejection_names_the_values_and_their_counts() -> None:
    verdict = check(PROBLEM, {"nums": [1, 1, 1, 2, 2, 3], "k": 2}, [1, 3])
    assert verdict.message == "2 (2 times) is left out, but 3 (once) is included"


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert accepted(case, example.output), example
        assert is_right(case["nums"], case["k"], example.output)


def test_stress_cases_reach_the_maximum_and_have_the_stated_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert cases == properties.stress_cases(random.Random(0))
    assert len(cases) == 3
    for case in cases:
        assert len(case["nums"]) == properties.MAX_N
        assert all(-properties.LIMIT <= value <= properties.LIMIT for value in case["nums"])
    spread, skewed, twice = cases
    assert len(set(spread["nums"])) > 0.99 * properties.MAX_N and spread["k"] == 5 * 10**4
    assert len(set(skewed["nums"])) <= 2 * 10**4 and skewed["k"] == 10
    assert set(numpy.unique(twice["nums"], return_counts=True)[1].tolist()) == {2}


def test_reference_agrees_with_numpy_counts_at_full_size() -> None:
    """numpy.unique counts each stress list by sorting (nothing shared with a hash map)."""
    for case in properties.stress_cases(random.Random(0)):
        nums, k = case["nums"], case["k"]
        values, counts = numpy.unique(numpy.asarray(nums, dtype=numpy.int64), return_counts=True)
        by_value = dict(zip(values.tolist(), counts.tolist(), strict=True))
        answer = reference_answer(PROBLEM, case)
        assert len(answer) == len(set(answer)) == k
        assert all(value in by_value for value in answer)
        best = numpy.sort(counts)[::-1][:k].tolist()
        assert sorted((by_value[value] for value in answer), reverse=True) == best
        assert accepted(case, answer)

"""The LIS reference against an O(n^2) table and against enumeration of every subsequence;
at full size, its answer against a certificate (a cover of nums by as many non-increasing
subsequences); the checker against answers of every wrong shape and other right ones."""

from __future__ import annotations

import itertools
import random
from bisect import bisect_left
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def longest_by_table(nums: list[int]) -> int:
    """`longest[i]`: the longest increasing subsequence ending at position i, from every
    earlier position. O(n^2), sharing nothing with the reference's binary search."""
    longest: list[int] = []
    for i, value in enumerate(nums):
        longest.append(1 + max((longest[j] for j in range(i) if nums[j] < value), default=0))
    return max(longest, default=0)


def every_longest(nums: list[int]) -> set[tuple[int, ...]]:
    """Every longest strictly increasing subsequence, as values, by trying all subsets."""
    subsequences = (
        tuple(value for k, value in enumerate(nums) if mask >> k & 1)
        for mask in range(1 << len(nums))
    )
    increasing = [
        values for values in subsequences if all(a < b for a, b in itertools.pairwise(values))
    ]
    longest = max(len(values) for values in increasing)
    return {values for values in increasing if len(values) == longest}


def cover_by_non_increasing(nums: list[int]) -> int:
    """A certificate of optimality: put each value on the first pile whose top is at least
    as large, so every pile is non-increasing in order of position, and count the piles. An
    increasing subsequence takes at most one value from each pile, so none is longer than
    the count. The cover is checked here pile by pile, not trusted."""
    tops: list[int] = []
    last: dict[int, int] = {}
    for value in nums:
        pile = bisect_left(tops, value)
        assert pile not in last or last[pile] >= value  # each pile is non-increasing
        last[pile] = value
        tops[pile : pile + 1] = [value]
    return len(last)


def accepted(case: dict[str, Any], got: Any) -> bool:
    return bool(check(PROBLEM, case, got).ok)


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_returns_a_longest_increasing_subsequence(case: dict[str, Any]) -> None:
    nums = case["nums"]
    answer = reference_answer(PROBLEM, case)
    assert properties.valid(case, answer) is None
    assert len(answer) == longest_by_table(nums)
    assert accepted(case, answer)


@settings(deadline=None)
@given(st.lists(st.integers(-3, 3), max_size=10))
def test_reference_is_one_of_every_longest_and_the_checker_accepts_each(nums: list[int]) -> None:
    case = {"nums": nums}
    longest = every_longest(nums)
    assert tuple(reference_answer(PROBLEM, case)) in longest
    for answer in longest:
        assert accepted(case, list(answer))
        assert accepted(case, answer)  # a tuple is as good as a list


@settings(deadline=None)
@given(properties.cases(), st.data())
def test_checker_rejects_wrong_answers_with_a_reason(
    case: dict[str, Any], data: st.DataObject
) -> None:
    nums = case["nums"]
    answer = reference_answer(PROBLEM, case)
    wrong: list[Any] = [None, 0, "1 2", {"lis": answer}, [*answer[:-1], True] if answer else [True]]
    wrong.append([float(value) for value in answer] or [0.5])
    if answer:
        wrong.append(answer[: data.draw(st.integers(0, len(answer) - 1))])  # too short
        wrong.append(
            answer[::-1] if len(answer) > 1 else [answer[0], answer[0]]
        )  # decreasing, or a repeat
        wrong.append([*answer, max(nums) + 1])  # a value that is not in nums
    if nums:
        wrong.append([max(nums), max(nums) + 1])  # right order of values, not in nums
    for got in wrong:
        result = check(PROBLEM, case, got)
        assert not result.ok, got
        assert result.message


def test_checker_explains_each_kind_of_fault() -> None:
    case = {"nums": [3, 1, 2, 2, 5]}

    def why(got: Any) -> str:
        result = check(PROBLEM, case, got)
        assert not result.ok
        return result.message

    assert "list of integers" in why(None)
    assert "list of integers" in why([1, 2.0])
    assert "not strictly increasing" in why([1, 2, 2, 5])
    assert "not a subsequence" in why([2, 3])
    assert "largest possible is 3" in why([1, 5])
    assert accepted(case, [1, 2, 5])
    assert accepted(case, (1, 2, 5))


def test_examples_are_right_by_the_checker() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert accepted(case, example.output)
        assert len(example.output) == longest_by_table(case["nums"])


def test_stress_cases_reach_the_maxima_and_the_answers_are_certified() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    lengths = []
    for case in cases:
        nums = case["nums"]
        assert len(nums) == properties.MAX_N
        assert all(-properties.LIMIT <= value <= properties.LIMIT for value in nums)
        answer = reference_answer(PROBLEM, case)
        assert properties.valid(case, answer) is None
        assert len(answer) == cover_by_non_increasing(nums)
        lengths.append(len(answer))
    repeated = cases[2]["nums"]
    assert lengths[0] > properties.MAX_N // 3  # a long answer to rebuild
    assert 500 < lengths[1] < 2000  # random values: about 2·sqrt(n)
    assert repeated == sorted(repeated) and lengths[2] == len(set(repeated)) < properties.MAX_N // 3

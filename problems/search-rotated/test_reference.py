"""The reference against a scan of the whole list on generated cases, the stress cases'
shapes, and the number of items the reference reads (O(log n), counted through a
sequence that records every read)."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.authoring import Remote
from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


class CountingSequence(Sequence[int]):
    """A list that counts the items read through it."""

    def __init__(self, values: list[int]) -> None:
        self.values, self.reads = values, 0

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index: Any) -> Any:
        item = self.values[index]
        self.reads += len(item) if isinstance(index, slice) else 1
        return item


@cache
def stress_cases() -> list[dict[str, Any]]:
    """The stress cases, built once for the tests that read them."""
    return properties.stress_cases(random.Random(0))


def scan(nums: Sequence[int], target: int) -> int:
    for index, value in enumerate(nums):
        if value == target:
            return index
    return -1


def descents(nums: list[int]) -> int:
    return sum(a > b for a, b in pairwise(nums))


def is_rotated_sorted(nums: list[int]) -> bool:
    """Distinct values, at most one descent, and (with one) the last value below the first."""
    if len(set(nums)) != len(nums):
        return False
    return descents(nums) == 0 or (descents(nums) == 1 and nums[-1] < nums[0])


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_a_scan(case: dict[str, Any]) -> None:
    nums, target = case["nums"], case["target"]
    assert isinstance(nums, Remote)
    values = list(nums.values)
    assert len(values) <= properties.MAX_N and is_rotated_sorted(values)
    assert all(abs(v) <= properties.LIMIT for v in [*values, target])
    answer = reference_answer(PROBLEM, case)
    assert type(answer) is int
    assert answer == scan(values, target)


def test_reference_reads_logarithmically_many_items() -> None:
    for case in stress_cases():
        counted = CountingSequence(case["nums"].values)
        answer = PROBLEM.reference(counted, case["target"])
        assert answer == scan(counted.values, case["target"])
        assert counted.reads <= 2 + math.ceil(math.log2(properties.MAX_N + 1))


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert isinstance(case["nums"], Remote)
        assert check(PROBLEM, case, example.output).ok, example
        assert example.output == scan(example.input["nums"], example.input["target"])


def test_stress_cases_are_full_size_rotations_with_hard_targets() -> None:
    cases = stress_cases()
    assert cases == properties.stress_cases(random.Random(0))
    assert len(cases) == 3
    n = properties.MAX_N
    for case in cases:
        values = case["nums"].values
        assert len(values) == n and is_rotated_sorted(values)
        assert all(abs(v) <= properties.LIMIT for v in (*values, case["target"]))
    (middle, absent), (last, at_end), (once, at_pivot) = (
        (c["nums"].values, c["target"]) for c in cases
    )
    pivot = middle.index(min(middle))
    assert n // 2 - 1000 <= n - pivot <= n // 2 + 1000  # rotated by about half
    assert scan(middle, absent) == -1 and min(middle) < absent < max(middle)
    assert last[0] == max(last) and last[1] == min(last)  # rotated by n - 1
    assert scan(last, at_end) == n - 1
    assert once[-1] == min(once) == at_pivot  # rotated by 1: the pivot is the last index

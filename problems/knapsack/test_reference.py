"""The knapsack reference against subset enumeration on generated items, against a whole-row
numpy table at full size, and the stress cases against the limits."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings

from judge.testing import load_problem

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties


def every_subset(weights: list[int], values: list[int], capacity: int) -> int:
    """The best value over all 2^n subsets (n <= 12): slow, simple, independent."""
    best = 0
    for chosen in itertools.product((False, True), repeat=len(weights)):
        weight = sum(w for w, keep in zip(weights, chosen, strict=True) if keep)
        if weight <= capacity:
            best = max(best, sum(v for v, keep in zip(values, chosen, strict=True) if keep))
    return best


def whole_rows(weights: list[int], values: list[int], capacity: int) -> int:
    """The item-by-capacity table one whole row at a time in numpy: each row is built from
    the previous one as a new array (no in-place order to get right), in int64 (the
    answers stay below 200 · 10^9). Fast enough for the stress cases."""
    row = numpy.zeros(capacity + 1, dtype=numpy.int64)
    for weight, value in zip(weights, values, strict=True):
        if weight <= capacity:
            taken = numpy.full(capacity + 1, -1, dtype=numpy.int64)
            taken[weight:] = row[: capacity + 1 - weight] + value
            row = numpy.maximum(row, taken)
    return int(row[capacity])


def valid(case: dict[str, Any]) -> bool:
    weights, values, capacity = case["weights"], case["values"], case["capacity"]
    return (
        len(weights) == len(values) <= properties.MAX_N
        and 0 <= capacity <= properties.MAX_CAPACITY
        and all(0 <= w <= properties.MAX_WEIGHT for w in weights)
        and all(0 <= v <= properties.MAX_VALUE for v in values)
    )


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_every_subset(case: dict[str, Any]) -> None:
    assert valid(case)
    assert len(case["weights"]) <= 12
    answer = reference(case["weights"], case["values"], case["capacity"])
    assert type(answer) is int
    assert answer == every_subset(case["weights"], case["values"], case["capacity"])
    assert answer == whole_rows(case["weights"], case["values"], case["capacity"])


def test_weight_zero_items_count_once() -> None:
    assert reference([0], [7], 0) == 7
    assert reference([0, 0], [7, 7], 0) == 14
    assert reference([0, 1], [7, 5], 0) == 7
    assert reference([], [], 0) == 0


def test_examples_agree_with_the_reference() -> None:
    for example in problem.examples:
        case = dict(example.input)
        assert reference(case["weights"], case["values"], case["capacity"]) == example.output


def test_stress_cases_hit_the_maxima_and_are_deterministic() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    for case in cases:
        assert valid(case)
        assert len(case["weights"]) == properties.MAX_N
        assert case["capacity"] == properties.MAX_CAPACITY
        assert 0 in case["weights"]
        assert max(case["weights"]) > properties.MAX_CAPACITY
        answer = reference(case["weights"], case["values"], case["capacity"])
        assert answer > 2**31
        assert answer == whole_rows(case["weights"], case["values"], case["capacity"])

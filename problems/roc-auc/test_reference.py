"""The reference against the definition, pair by pair, in exact rational arithmetic.

The oracle compares every positive with every negative as Python floats and adds 1 or 1/2
as a `Fraction`, so its AUC is exact; it shares nothing with the reference, which sorts and
binary-searches. The reference must match it to within 1e-15, far inside the judge's
tolerance (1e-9), so the reference is never what decides a verdict.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-15


def exact_auc(labels: list[int], scores: list[float]) -> Fraction | None:
    """The definition: wins plus half the ties over all positive-negative pairs."""
    positives = [s for label, s in zip(labels, scores, strict=True) if label == 1]
    negatives = [s for label, s in zip(labels, scores, strict=True) if label == 0]
    if not positives or not negatives:
        return None
    total = Fraction(0)
    for p in positives:
        for q in negatives:
            total += 1 if p > q else Fraction(1, 2) if p == q else 0
    return total / (len(positives) * len(negatives))


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = exact_auc(case["labels"].tolist(), case["scores"].tolist())
    if expected is None:
        assert got is None
    else:
        assert isinstance(got, float)
        assert abs(Fraction(got) - expected) <= PRECISION, (float(expected), got)
        assert check(PROBLEM, case, float(expected), got).ok


def case_of(labels: list[int], scores: list[float]) -> dict[str, Any]:
    return properties.from_example({"labels": labels, "scores": scores})


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert case["labels"].dtype == numpy.int64 and case["scores"].dtype == numpy.float64
    assert set(case["labels"].tolist()) <= {0, 1}
    assert numpy.isfinite(case["scores"]).all()
    assert_exact(case)


def test_reference_is_exact_on_the_edges() -> None:
    """Everything tied, -0.0 against 0.0, one example per class, ulp-apart scores, and
    scores at both ends of the double range."""
    edges = [
        case_of([1, 0, 1, 0], [2.0, 2.0, 2.0, 2.0]),  # all tied: 0.5
        case_of([1, 0], [-0.0, 0.0]),  # equal doubles: a tie
        case_of([0, 1], [0.75, 0.75 + 2.0**-53]),  # the next double up: a win
        case_of([1, 0, 0], [-1e300, 1e300, -1.7976931348623157e308]),
        case_of([1] * 7 + [0] * 5, [float(i % 3) for i in range(12)]),
        case_of([], []),
        case_of([1], [0.5]),
        case_of([0, 0], [0.5, 0.5]),
    ]
    for case in edges:
        assert_exact(case)
    assert reference_answer(PROBLEM, edges[0]) == 0.5
    assert reference_answer(PROBLEM, edges[1]) == 0.5
    assert reference_answer(PROBLEM, edges[2]) == 1.0


def test_examples_are_exact_and_accepted() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert_exact(case)
        assert check(PROBLEM, case, example.output).ok
        expected = exact_auc(case["labels"].tolist(), case["scores"].tolist())
        assert (expected is None) == (example.output is None)
        if expected is not None:
            assert abs(Fraction(example.output) - expected) <= PRECISION


def test_stress_case_is_full_size_and_half_tied() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    labels, scores = case["labels"], case["scores"]
    assert labels.shape == scores.shape == (properties.N_MAX,)
    assert labels.dtype == numpy.int64 and scores.dtype == numpy.float64
    assert set(numpy.unique(labels).tolist()) == {0, 1}
    assert 0.28 < labels.mean() < 0.32
    assert numpy.isfinite(scores).all()
    half = properties.N_MAX // 2
    assert numpy.unique(scores[:half]).size > 0.99 * half  # continuous: almost no ties
    values, counts = numpy.unique(scores[half:], return_counts=True)
    assert values.size <= 1050 and counts.min() >= 100  # hundreds per level


def test_stress_answer_matches_a_count_by_score_level() -> None:
    """An independent O(n + distinct scores) count on the stress case: for each distinct
    score, the positives there beat every negative below and tie with the negatives there."""
    (case,) = properties.stress_cases(random.Random(0))
    labels, scores = case["labels"], case["scores"]
    values, level = numpy.unique(scores, return_inverse=True)
    pos = numpy.bincount(level, weights=labels, minlength=values.size).astype(numpy.int64)
    neg = numpy.bincount(level, minlength=values.size) - pos
    neg_below = numpy.concatenate([[0], numpy.cumsum(neg)[:-1]])
    twice = 2 * int(numpy.dot(pos, neg_below)) + int(numpy.dot(pos, neg))
    exact = Fraction(twice, 2 * int(pos.sum()) * int(neg.sum()))
    assert abs(Fraction(reference_answer(PROBLEM, case)) - exact) <= PRECISION


def test_checker_judges_none_and_numbers() -> None:
    mixed = case_of([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])  # 0.75
    one_class = case_of([1, 1], [0.3, 0.9])  # None
    for got in (0.75, numpy.float64(0.75), 0.75 + 1e-10, 0.75 - 1.5e-9):
        assert check(PROBLEM, mixed, got).ok, got
    assert check(PROBLEM, case_of([0, 1], [0.0, 1.0]), 1).ok  # an int is a number
    assert check(PROBLEM, one_class, None).ok
    rejected = [
        (None, "expected 0.75, got None"),
        (0.5, "expected 0.75"),
        (0.75 + 3e-9, "off by"),
        (float("nan"), "NaN"),
        (float("inf"), "finite"),
        (True, "booleans"),
        ("0.75", "type str"),
        ([0.75], "shape"),
        ([0.75, 0.75], "shape"),
    ]
    for got, reason in rejected:
        result = check(PROBLEM, mixed, got)
        assert not result.ok and reason in result.message, (got, result.message)
    for got in (0.5, 0.0, float("nan"), [], "None"):
        result = check(PROBLEM, one_class, got)
        assert not result.ok and "expected None" in result.message, (got, result.message)

"""The reference against the mean cross-entropy in 50-digit arithmetic, row by row.

The oracle (mpmath) sums the exponentials of each row's logits as given, with no shift, and
subtracts the target's logit from the logarithm: at 50 digits e^10000 is an ordinary
number, so nothing overflows or cancels. It shares no step with the reference, which
shifts each row by its maximum in float64. At full size, where 10^6 exponentials in
mpmath would take too long, the oracle is numpy's logaddexp folded in long double.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import mpmath
import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-12
"""How close the reference must be to the exact answer, relative to |exact| + 1: a million
times inside the judge's tolerance (1e-6 relative, 1e-9 absolute)."""

mpmath.mp.dps = 50


def exact_loss(logits: numpy.ndarray, targets: numpy.ndarray) -> float:
    losses = []
    for row, target in zip(logits.tolist(), targets.tolist(), strict=True):
        log_total = mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v)) for v in row))
        losses.append(log_total - mpmath.mpf(row[target]))
    return float(mpmath.fsum(losses) / len(losses))


def long_double_loss(logits: numpy.ndarray, targets: numpy.ndarray) -> float:
    """An independent float oracle for full-size cases: logaddexp folded along each row in
    long double, no shift, fancy indexing for the targets."""
    wide = logits.astype(numpy.longdouble)
    log_totals = numpy.logaddexp.reduce(wide, axis=1)
    picked = wide[numpy.arange(len(targets)), targets]
    return float(numpy.mean(log_totals - picked))


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = exact_loss(case["logits"], case["targets"])
    assert isinstance(got, float) and math.isfinite(got)
    assert abs(got - expected) <= PRECISION * (1 + abs(expected)), (expected, got)
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


@settings(max_examples=200, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    logits, targets = case["logits"], case["targets"]
    assert logits.dtype == numpy.float64 and targets.dtype == numpy.int64
    assert logits.ndim == 2 and logits.shape[0] == len(targets) >= 1 and logits.shape[1] >= 1
    assert numpy.all((targets >= 0) & (targets < logits.shape[1]))
    assert numpy.all(numpy.abs(logits) <= properties.LIMIT)
    assert_exact(case)


def batch(logits: list[list[float]], targets: list[int]) -> dict[str, Any]:
    return {"logits": numpy.array(logits, dtype=numpy.float64), "targets": numpy.array(targets)}


def test_reference_is_exact_on_the_edges_of_the_range() -> None:
    """One class, one row, targets 28, 800 and 2·10^4 below the maximum, rows 2·10^4
    apart, logits beyond exp's range, equal logits, and the target at the maximum."""
    edges = [
        batch([[5.0]], [0]),
        batch([[1e4], [-1e4]], [0, 0]),
        batch([[0.0, -28.0]], [1]),
        batch([[800.0, 0.0]], [1]),
        batch([[1e4, -1e4]], [1]),
        batch([[1e4, -1e4]], [0]),
        batch([[1e4, 1e4 - 1.0], [-1e4, -1e4 + 1.0]], [0, 1]),
        batch([[-800.0, -801.0, -802.0]], [2]),
        batch([[2.0] * 7, [-3.0] * 7], [6, 0]),
    ]
    for case in edges:
        assert_exact(case)


def test_the_classic_mistakes_fail_where_the_statement_says() -> None:
    """A target 800 below its row's maximum: the textbook softmax and the clipped log both go
    wrong, and the checker refuses both answers."""
    case = batch([[800.0, 0.0]], [1])
    assert reference_answer(PROBLEM, case) == 800.0
    with numpy.errstate(over="ignore", invalid="ignore"):
        e = numpy.exp(case["logits"][0])
        naive = -math.log(e[1] / e.sum()) if numpy.isfinite(e.sum()) else math.nan
    shifted = numpy.exp(case["logits"][0] - 800.0)
    clipped = -math.log(max(shifted[1] / shifted.sum(), 1e-12))
    assert math.isnan(naive) and abs(clipped - 27.631) < 1e-3
    assert not check(PROBLEM, case, naive).ok
    assert not check(PROBLEM, case, clipped).ok


def test_checker_rejects_nan_infinities_and_other_shapes() -> None:
    case = sample_cases(PROBLEM)[0]
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, numpy.float64(expected)).ok
    for wrong in (math.nan, math.inf, -math.inf, expected + 1e-5, [expected], None, "0.33"):
        assert not check(PROBLEM, case, wrong).ok, wrong


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert case["targets"].dtype == numpy.int64
        assert_exact(case)
        assert check(PROBLEM, case, example.output).ok
        exact = exact_loss(case["logits"], case["targets"])
        assert abs(exact - example.output) <= 1e-15 * (1 + abs(exact))


def test_stress_is_full_size_and_reaches_the_extremes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert [case["logits"].shape for case in cases] == [properties.TALL, properties.WIDE]
    for case in cases:
        logits, targets = case["logits"], case["targets"]
        assert logits.dtype == numpy.float64 and targets.dtype == numpy.int64
        assert numpy.abs(logits).max() <= properties.LIMIT
        assert logits.max() > 9000 and logits.min() < -9000
        assert numpy.all((targets >= 0) & (targets < logits.shape[1]))
        picked = logits[numpy.arange(len(targets)), targets]
        gaps = logits.max(axis=1) - picked
        assert 0.4 < numpy.mean(gaps == 0) < 0.6  # half the targets are the row's maximum
        assert numpy.mean(gaps > 800) > 0.3  # and many lie beyond exp's range below it


def test_reference_agrees_with_long_double_at_full_size() -> None:
    for case in properties.stress_cases(random.Random(0)):
        got = reference_answer(PROBLEM, case)
        expected = long_double_loss(case["logits"], case["targets"])
        assert abs(got - expected) <= PRECISION * (1 + abs(expected))
        rows = slice(100, 140)  # and 50-digit arithmetic on a few of its rows
        assert_exact({"logits": case["logits"][rows], "targets": case["targets"][rows]})

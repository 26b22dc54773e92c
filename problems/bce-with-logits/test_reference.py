"""The reference against the mean binary cross-entropy in 50-digit arithmetic.

The oracle (mpmath) evaluates each element's loss straight from the definition, -log of
the probability given to the label: log(1 + e^-z) for label 1 and log(1 + e^z) for
label 0, with e^10000 an ordinary 50-digit number. It shares no step with the reference,
which rearranges the loss as max(z, 0) - z·y + log1p(exp(-|z|)) in float64. At full size,
where 10^6 logarithms in mpmath would take too long, the oracle is numpy's logaddexp in
long double.
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


def exact_loss(z: numpy.ndarray, y: numpy.ndarray) -> float:
    losses = [
        mpmath.log(1 + mpmath.exp(-mpmath.mpf(v) if label == 1.0 else mpmath.mpf(v)))
        for v, label in zip(z.ravel().tolist(), y.ravel().tolist(), strict=True)
    ]
    return float(mpmath.fsum(losses) / len(losses))


def long_double_loss(z: numpy.ndarray, y: numpy.ndarray) -> float:
    """An independent float oracle for full-size cases: log(1 + e^-s), with s the logit
    signed towards the label, by logaddexp in long double."""
    signed = numpy.where(y == 1.0, z, -z).astype(numpy.longdouble)
    return float(numpy.mean(numpy.logaddexp(numpy.longdouble(0), -signed)))


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = exact_loss(case["z"], case["y"])
    assert isinstance(got, float) and math.isfinite(got)
    assert abs(got - expected) <= PRECISION * (1 + abs(expected)), (expected, got)
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    z, y = case["z"], case["y"]
    assert z.dtype == y.dtype == numpy.float64 and z.shape == y.shape and z.size >= 1
    assert z.ndim in (1, 2) and numpy.all(numpy.abs(z) <= properties.LIMIT)
    assert numpy.all((y == 0.0) | (y == 1.0))
    assert_exact(case)


def batch(z: list[Any], y: list[Any]) -> dict[str, Any]:
    return {"z": numpy.array(z, dtype=numpy.float64), "y": numpy.array(y, dtype=numpy.float64)}


def test_reference_is_exact_on_the_edges_of_the_range() -> None:
    """Confident right and wrong predictions at ±30, ±40, ±710 and ±10^4, a 2-D batch, a
    logit of 0, tiny logits, and one element."""
    edges = [
        batch([0.0], [0.0]),
        batch([30.0, -30.0], [1.0, 0.0]),
        batch([40.0, -40.0], [0.0, 1.0]),
        batch([40.0, -40.0], [1.0, 0.0]),
        batch([710.0, -710.0, 1e4, -1e4], [0.0, 1.0, 1.0, 0.0]),
        batch([[1e4, -1e4], [1e-300, -5e-324]], [[0.0, 0.0], [1.0, 0.0]]),
        batch([[2.0, 2.0, 2.0]], [[1.0, 0.0, 1.0]]),
    ]
    for case in edges:
        assert_exact(case)


def test_the_classic_mistakes_fail_where_the_statement_says() -> None:
    """z = 40 with label 1: log(1 - sigmoid) is -inf and 0·(-inf) NaN; z = 800 with label 0:
    log(1 + exp(z)) overflows; the clipped probability caps the loss at 16.1; the checker
    refuses all three."""
    case = batch([40.0, 800.0], [1.0, 0.0])
    assert reference_answer(PROBLEM, case) == 400.0
    z, y = case["z"], case["y"]
    with numpy.errstate(over="ignore", divide="ignore", invalid="ignore"):
        p = 1.0 / (1.0 + numpy.exp(-z))
        as_written = -numpy.mean(y * numpy.log(p) + (1 - y) * numpy.log(1 - p))
        softplus = numpy.mean(numpy.log(1.0 + numpy.exp(z)) - z * y)
        q = numpy.clip(p, 1e-7, 1 - 1e-7)
        clipped = -numpy.mean(y * numpy.log(q) + (1 - y) * numpy.log(1 - q))
    assert math.isnan(as_written) and softplus == math.inf and abs(clipped - 8.059) < 1e-3
    for wrong in (as_written, softplus, clipped):
        assert not check(PROBLEM, case, float(wrong)).ok


def test_checker_rejects_nan_infinities_and_other_shapes() -> None:
    case = sample_cases(PROBLEM)[0]
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, numpy.float64(expected)).ok
    for wrong in (math.nan, math.inf, expected * (1 + 1e-5), [expected], None, "0.38"):
        assert not check(PROBLEM, case, wrong).ok, wrong


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert case["z"].dtype == case["y"].dtype == numpy.float64
        assert_exact(case)
        assert check(PROBLEM, case, example.output).ok
        exact = exact_loss(case["z"], case["y"])
        assert abs(exact - example.output) <= 1e-15 * (1 + abs(exact))


def test_stress_is_full_size_and_reaches_the_extremes() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    z, y = case["z"], case["y"]
    assert z.shape == y.shape == properties.SHAPE and z.dtype == y.dtype == numpy.float64
    assert numpy.all((y == 0.0) | (y == 1.0)) and 0.4 < y.mean() < 0.6
    assert z.max() == properties.LIMIT and z.min() == -properties.LIMIT
    assert numpy.mean(numpy.abs(z) > 37) > 0.2  # where 1 - sigmoid(z) is 0.0
    wrong = (z > 0) != (y == 1.0)
    assert 0.15 < wrong.mean() < 0.25  # confident wrong predictions: large losses


def test_reference_agrees_with_long_double_at_full_size() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    got = reference_answer(PROBLEM, case)
    expected = long_double_loss(case["z"], case["y"])
    assert abs(got - expected) <= PRECISION * (1 + abs(expected))
    rows = slice(0, 2)  # and 50-digit arithmetic on two of its rows (2000 logits)
    assert_exact({"z": case["z"][rows], "y": case["y"][rows]})

"""The reference against the KL divergence in 50-digit arithmetic.

The oracle (mpmath) takes each pair of entries exactly as given, skips p = 0, answers inf
at q = 0 < p, and otherwise adds p·log(p/q) with the ratio formed in 50 digits, where
0.5 / 1e-310 is an ordinary number. It shares no step with the reference, which subtracts
float64 logarithms. At full size, where 10^6 logarithms in mpmath would take too long,
the oracle is numpy in long double.
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


def exact_divergence(p: numpy.ndarray, q: numpy.ndarray) -> float:
    terms = []
    for a, b in zip(p.tolist(), q.tolist(), strict=True):
        if a == 0:
            continue
        if b == 0:
            return math.inf
        terms.append(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b)))
    return float(mpmath.fsum(terms))


def long_double_divergence(p: numpy.ndarray, q: numpy.ndarray) -> float:
    """An independent float oracle for full-size cases with q > 0 wherever p > 0: the ratio
    in long double, whose range (up to 1e4932) holds 1 / 1e-310."""
    keep = p > 0
    wide_p, wide_q = p[keep].astype(numpy.longdouble), q[keep].astype(numpy.longdouble)
    return float(numpy.sum(wide_p * numpy.log(wide_p / wide_q)))


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = exact_divergence(case["p"], case["q"])
    assert isinstance(got, float) and not math.isnan(got)
    if math.isinf(expected):
        assert got == expected
    else:
        assert abs(got - expected) <= PRECISION * (1 + abs(expected)), (expected, got)
        assert got >= -PRECISION  # at least 0, up to rounding
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    p, q = case["p"], case["q"]
    assert p.dtype == q.dtype == numpy.float64 and p.ndim == 1 and p.shape == q.shape
    assert len(p) >= 1 and numpy.all(p >= 0) and numpy.all(q >= 0)
    assert abs(p.sum() - 1) <= 1e-12 and abs(q.sum() - 1) <= 1e-12
    assert_exact(case)


def pair(p: list[float], q: list[float]) -> dict[str, Any]:
    return {"p": numpy.array(p, dtype=numpy.float64), "q": numpy.array(q, dtype=numpy.float64)}


def test_reference_is_exact_on_the_edges_of_the_range() -> None:
    """One entry, zeros of p (with q = 0 too), q = 0 < p, subnormal q and p, and p = q."""
    tiny = properties.TINY
    edges = [
        pair([1.0], [1.0]),
        pair([1.0, 0.0], [0.5, 0.5]),
        pair([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]),
        pair([0.5, 0.5], [1.0, 0.0]),
        pair([tiny, 1.0], [1.0, 0.0]),
        pair([0.5, 0.5], [1e-310, 1.0]),
        pair([1.0, tiny], [tiny, 1.0]),
        pair([tiny, 1.0], [0.5, 0.5]),
        pair([0.1] * 10, [0.1] * 10),
    ]
    for case in edges:
        assert_exact(case)


def test_the_classic_mistakes_fail_where_the_statement_says() -> None:
    """p = 0 gives NaN without a mask; an epsilon makes q = 0 < p finite; p/q overflows at
    q = 1e-310 (the statement's 356.6); the checker refuses each."""
    with numpy.errstate(divide="ignore", invalid="ignore", over="ignore"):
        case = pair([1.0, 0.0], [0.5, 0.5])
        assert not check(
            PROBLEM, case, float(numpy.sum(case["p"] * numpy.log(case["p"] / case["q"])))
        ).ok
        case = pair([0.5, 0.5], [1.0, 0.0])
        assert reference_answer(PROBLEM, case) == math.inf
        smoothed = numpy.sum(case["p"] * numpy.log((case["p"] + 1e-10) / (case["q"] + 1e-10)))
        assert math.isfinite(smoothed) and not check(PROBLEM, case, float(smoothed)).ok
        case = pair([0.5, 0.5], [1.0, 1e-310])
        assert round(0.5 * (math.log(0.5) - math.log(1e-310)), 1) == 356.6
        assert not math.isfinite(float(numpy.sum(case["p"] * numpy.log(case["p"] / case["q"]))))
        assert not check(PROBLEM, case, math.inf).ok


def test_checker_rejects_nan_infinities_and_other_shapes() -> None:
    case = sample_cases(PROBLEM)[0]
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, numpy.float64(expected)).ok
    for wrong in (math.nan, math.inf, -math.inf, expected * (1 + 1e-5), [expected], None):
        assert not check(PROBLEM, case, wrong).ok, wrong
    infinite = pair([0.5, 0.5], [1.0, 0.0])
    assert check(PROBLEM, infinite, math.inf).ok and check(PROBLEM, infinite, numpy.inf).ok
    for wrong in (1e308, -math.inf, math.nan, None):
        assert not check(PROBLEM, infinite, wrong).ok, wrong


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert case["p"].dtype == case["q"].dtype == numpy.float64
        assert_exact(case)
        assert check(PROBLEM, case, example.output).ok
        exact = exact_divergence(case["p"], case["q"])
        assert abs(exact - example.output) <= 1e-15 * (1 + abs(exact))


def test_stress_is_full_size_and_reaches_the_extremes() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    p, q = case["p"], case["q"]
    assert p.shape == q.shape == (properties.N_MAX,)
    assert abs(p.sum() - 1) <= 1e-12 and abs(q.sum() - 1) <= 1e-12
    assert numpy.all(q[p > 0] > 0)  # a finite answer
    assert numpy.any((p == 0) & (q == 0)) and numpy.any((p == 0) & (q > 0))
    with numpy.errstate(over="ignore"):
        assert numpy.isinf(p[p > 0] / q[p > 0]).sum() > 100  # where the ratio overflows


def test_reference_agrees_with_long_double_at_full_size() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    got = reference_answer(PROBLEM, case)
    expected = long_double_divergence(case["p"], case["q"])
    assert abs(got - expected) <= PRECISION * (1 + abs(expected))
    part = slice(0, 5000)  # and 50-digit arithmetic on a part of it
    assert_exact({"p": case["p"][part], "q": case["q"][part]})

"""The reference against layer normalisation computed exactly, row by row.

The oracle shares no step with the reference: every value becomes a `Fraction` (exact), so
the mean and the biased variance are exact rationals however far a row sits from zero, and
only the square root and the final scaling are rounded, in 50-digit `mpmath` arithmetic.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import mpmath
import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

mpmath.mp.dps = 50

PRECISION = 1e-7
"""How close (absolutely) the reference must be to the exact answer: ten times inside the
judge's tolerance (1e-6 relative or 1e-6 absolute). The reference's own rounding is at most
about d·2^-53·|x|·|gamma| / sqrt(eps), below 3e-8 for every case `cases()` draws."""


def exact_row(row: list[float], gamma: list[float], beta: list[float], eps: float) -> list[float]:
    """One row normalised in exact arithmetic, each value then rounded to a double."""
    values = [Fraction(v) for v in row]
    mean = sum(values, Fraction(0)) / len(values)
    variance = sum(((v - mean) ** 2 for v in values), Fraction(0)) / len(values)
    std = mpmath.sqrt(mpmath.mpf(variance.numerator) / variance.denominator + mpmath.mpf(eps))
    return [
        float(mpmath.mpf(g) * (mpmath.mpf((v - mean).numerator) / (v - mean).denominator) / std + b)
        for v, g, b in zip(values, gamma, beta, strict=True)
    ]


def exact_answer(case: dict[str, Any]) -> numpy.ndarray:
    x = case["x"]
    gamma, beta = case["gamma"].tolist(), case["beta"].tolist()
    rows = x.reshape(-1, x.shape[-1]).tolist()
    exact = [exact_row(row, gamma, beta, case["eps"]) for row in rows]
    return numpy.array(exact, dtype=numpy.float64).reshape(x.shape)


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = exact_answer(case)
    assert isinstance(got, numpy.ndarray) and got.shape == case["x"].shape
    assert got.dtype == numpy.float64 and numpy.all(numpy.isfinite(got))
    if got.size:
        error = numpy.abs(got - expected)
        worst = numpy.unravel_index(numpy.argmax(error), got.shape)
        assert error[worst] <= PRECISION, (
            f"at {worst}: exact {expected[worst]!r}, got {got[worst]!r}"
        )
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


def row_case(x: list[float], gamma: list[float], beta: list[float], eps: float) -> dict[str, Any]:
    return properties.from_example({"x": [x], "gamma": gamma, "beta": beta, "eps": eps})


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert_exact(case)


def test_examples_are_the_exact_answers() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        expected = numpy.asarray(example.output, dtype=numpy.float64)
        assert numpy.array_equal(exact_answer(case), expected)  # correctly rounded, every digit
        assert check(PROBLEM, case, example.output).ok


def test_constant_rows_and_d_of_one_give_beta() -> None:
    beta = [0.5, -1.0, 3.0]
    for value in (0.0, 7.0, -1e4, 1234.5678, 1e-300):
        case = row_case([value] * 3, [2.0, -10.0, 0.3], beta, 1e-5)
        assert numpy.allclose(reference_answer(PROBLEM, case), [beta], rtol=0, atol=1e-8)
    case = {
        "x": numpy.array([[[3.0], [-7.0]]]),
        "gamma": numpy.array([4.0]),
        "beta": numpy.array([0.25]),
    }
    assert reference_answer(PROBLEM, {**case, "eps": 1e-5}).tolist() == [[[0.25], [0.25]]]


def test_the_statement_formulas_are_what_is_judged() -> None:
    """Biased variance, eps inside the square root, rows independent: each classic variant
    is refused on a small row where it matters."""
    case = row_case([0.0, 0.0, 0.0, 0.01], [1.0] * 4, [0.0] * 4, 1e-4)
    x = case["x"]
    centred = x - x.mean(axis=-1, keepdims=True)
    unbiased = centred / numpy.sqrt(x.var(axis=-1, ddof=1, keepdims=True) + 1e-4)
    eps_outside = centred / (x.std(axis=-1, keepdims=True) + 1e-4)
    no_eps = centred / x.std(axis=-1, keepdims=True)
    assert check(PROBLEM, case, centred / numpy.sqrt(x.var(axis=-1, keepdims=True) + 1e-4)).ok
    for wrong in (unbiased, eps_outside, no_eps):
        assert not check(PROBLEM, case, wrong).ok


def test_the_one_pass_variance_is_refused_on_an_offset_row() -> None:
    """The statement's warning holds: mean(v²) − mean(v)² loses a 10^4-offset row's variance
    (10^-6 here) and the checker refuses the result; two passes keep it."""
    case = row_case([1e4 + 1e-3 * k for k in (-1, 0, 0, 1, 2)], [1.0] * 5, [0.0] * 5, 1e-5)
    x = case["x"]
    mean = x.mean(axis=-1, keepdims=True)
    one_pass = (x - mean) / numpy.sqrt((x * x).mean(axis=-1, keepdims=True) - mean**2 + 1e-5)
    assert not check(PROBLEM, case, one_pass).ok
    assert_exact(case)


def test_stress_cases_reach_the_stated_maxima() -> None:
    wide, short = properties.stress_cases(random.Random(0))
    assert wide["x"].shape == (512, 2048) and short["x"].shape == (256, 1024, 4)
    for case in (wide, short):
        x = case["x"]
        assert x.size == 2**20 and x.dtype == numpy.float64
        assert numpy.abs(x).max() <= 1e4 and 1e-5 <= case["eps"] <= 1.0
        for name in ("gamma", "beta"):
            assert case[name].shape == (x.shape[-1],) and numpy.abs(case[name]).max() <= 10.0
        rows = x.reshape(-1, x.shape[-1])
        assert numpy.all(rows[::11].min(axis=-1) == rows[::11].max(axis=-1))  # constant rows
        offset = rows[7::77]  # rows offset by 10^3 (every 7th) that are not constant
        assert numpy.all(numpy.abs(offset.mean(axis=-1)) > 1e4 * offset.std(axis=-1))
    assert numpy.prod(short["x"].shape[:-1]) == 2**18  # the most rows


def test_reference_is_exact_on_sampled_stress_rows() -> None:
    for case in properties.stress_cases(random.Random(0)):
        got = reference_answer(PROBLEM, case)
        rows, answers = case["x"].reshape(-1, case["x"].shape[-1]), got.reshape(-1, got.shape[-1])
        gamma, beta = case["gamma"].tolist(), case["beta"].tolist()
        for i in (0, 7, 11, 77, 100, rows.shape[0] - 1):
            expected = exact_row(rows[i].tolist(), gamma, beta, case["eps"])
            assert numpy.max(numpy.abs(answers[i] - expected)) <= PRECISION, i


def test_checker_rejects_nan_and_wrong_shapes() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, expected.tolist()).ok
    with_nan = expected.copy()
    with_nan[0, 1] = numpy.nan
    for wrong in (with_nan, expected[0], expected.T, "not numbers", None):
        assert not check(PROBLEM, case, wrong).ok

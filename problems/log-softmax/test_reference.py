"""The reference against log-softmax in 50-digit arithmetic, slice by slice.

The oracle (mpmath) loops over the slices with index arithmetic of its own, sums the
exponentials of the finite entries as given, with no shift, and takes the logarithm: at 50
digits nothing overflows (e^10000 is an ordinary mpf) and nothing cancels. It shares no
step with the reference, which shifts each slice by its maximum in float64.
"""

from __future__ import annotations

import itertools
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


def exact_slice(values: list[float]) -> list[float]:
    """Log-softmax of one slice: x - log(sum(exp(x))) in 50 digits, rounded to float; -inf
    entries stay -inf."""
    total = mpmath.fsum(mpmath.exp(mpmath.mpf(v)) for v in values if v != -math.inf)
    log_total = mpmath.log(total)
    return [v if v == -math.inf else float(mpmath.mpf(v) - log_total) for v in values]


def exact_answer(x: numpy.ndarray, axis: int) -> numpy.ndarray:
    axis %= x.ndim
    answer = numpy.empty_like(x)
    others = [range(size) for position, size in enumerate(x.shape) if position != axis]
    for index in itertools.product(*others):
        where = [(*index[:axis], j, *index[axis:]) for j in range(x.shape[axis])]
        for position, value in zip(where, exact_slice([float(x[p]) for p in where]), strict=True):
            answer[position] = value
    return answer


def assert_exact(case: dict[str, Any]) -> None:
    x, axis = case["x"], case["axis"]
    got = reference_answer(PROBLEM, case)
    expected = exact_answer(x, axis)
    assert isinstance(got, numpy.ndarray) and got.dtype == numpy.float64
    assert got.shape == x.shape
    assert numpy.array_equal(numpy.isneginf(got), numpy.isneginf(x))  # -inf exactly there
    finite = numpy.isfinite(expected)
    assert numpy.all(numpy.isfinite(got[finite]))
    error = numpy.abs(got[finite] - expected[finite])
    assert numpy.all(error <= PRECISION * (1 + numpy.abs(expected[finite]))), (
        f"exact {expected[finite]!r}, reference {got[finite]!r}"
    )
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    x = case["x"]
    assert 1 <= x.ndim <= 3 and -x.ndim <= case["axis"] < x.ndim
    finite = x[numpy.isfinite(x)]
    assert numpy.all(numpy.abs(finite) <= properties.LIMIT)
    assert not numpy.any(numpy.isnan(x) | (x == math.inf))
    assert x.size == 0 or numpy.all(numpy.isfinite(x).any(axis=case["axis"]))
    assert_exact(case)


def test_reference_is_exact_on_the_edges_of_the_range() -> None:
    """Overflow and underflow of a naive exp, a log-probability of -2·10^4, -inf entries,
    slices far apart, one-entry slices, ties, and empty arrays along every axis."""
    edges = [
        {"x": numpy.array([800.0, 0.0]), "axis": 0},
        {"x": numpy.array([-1e4, -1e4 + 1.0]), "axis": -1},
        {"x": numpy.array([[1e4, -1e4], [-math.inf, 0.0]]), "axis": 1},
        {"x": numpy.array([[1e4, -1e4], [-math.inf, 0.0]]), "axis": 0},
        {"x": numpy.array([[1000.0, 1000.0], [-1000.0, -999.0]]), "axis": -1},
        {"x": numpy.array([[[5.0]], [[-5.0]]]), "axis": 2},
        {"x": numpy.full((2, 3, 4), 7.0), "axis": -2},
        {"x": numpy.zeros((0, 3)), "axis": 1},
        {"x": numpy.zeros((2, 0, 3)), "axis": -1},
    ]
    for case in edges:
        assert_exact(case)


def test_the_classic_mistakes_fail_where_the_statement_says() -> None:
    """Exp overflows above 709.78 and log(softmax) loses -800, as the statement warns, and
    the checker refuses both answers."""
    case = {"x": numpy.array([800.0, 0.0]), "axis": 0}
    with numpy.errstate(over="ignore", divide="ignore", invalid="ignore"):
        naive = case["x"] - numpy.log(numpy.sum(numpy.exp(case["x"])))
        shifted = numpy.exp(case["x"] - 800.0)
        of_softmax = numpy.log(shifted / shifted.sum())
    assert not numpy.all(numpy.isfinite(naive))
    assert of_softmax[1] == -math.inf
    assert reference_answer(PROBLEM, case).tolist() == [0.0, -800.0]
    assert not check(PROBLEM, case, naive).ok
    assert not check(PROBLEM, case, of_softmax).ok


def test_checker_rejects_nan_wrong_infinities_and_shapes() -> None:
    case = sample_cases(PROBLEM)[1]  # holds a -inf entry
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, expected.tolist()).ok
    for position, value in [
        ((0, 0), math.nan),
        ((0, 1), -1e300),
        ((0, 1), math.inf),
        ((0, 0), -math.inf),
        ((1, 2), expected[1, 2] + 1e-6),
    ]:
        wrong = expected.copy()
        wrong[position] = value
        assert not check(PROBLEM, case, wrong).ok, (position, value)
    assert not check(PROBLEM, case, expected.T).ok
    assert not check(PROBLEM, case, expected[0]).ok
    assert not check(PROBLEM, case, None).ok


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert_exact(case)
        assert check(PROBLEM, case, example.output).ok
        exact = exact_answer(case["x"], case["axis"])
        assert numpy.allclose(exact, example.output, rtol=1e-15, atol=0)


def test_stress_is_full_size_and_reaches_the_extremes() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    x = case["x"]
    assert x.shape == (properties.ROWS, properties.COLUMNS) and case["axis"] == -1
    finite = numpy.isfinite(x)
    assert numpy.all(finite.any(axis=-1)) and not finite.all()  # -inf entries, none all -inf
    assert numpy.abs(x[finite]).max() <= properties.LIMIT
    assert x.max() > 9000 and x[finite].min() < -8900
    spread = x.max(axis=-1) - numpy.where(finite, x, numpy.inf).min(axis=-1)
    assert numpy.sum(spread > 800) == properties.ROWS // 10  # log-probabilities below -745


def test_reference_is_exact_on_sampled_stress_slices() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    got = reference_answer(PROBLEM, case)
    for row in (0, 137, properties.ROWS - 1):  # row 0 holds an entry 900 above the rest
        expected = numpy.array(exact_slice(case["x"][row].tolist()))
        finite = numpy.isfinite(expected)
        assert numpy.array_equal(finite, numpy.isfinite(got[row]))
        error = numpy.abs(got[row][finite] - expected[finite])
        assert numpy.all(error <= PRECISION * (1 + numpy.abs(expected[finite])))

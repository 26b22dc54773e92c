"""The conv2d reference against the defining sum computed exactly (rational arithmetic, plain
loops over every output pixel), the examples, and the stress cases against the limits."""

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

PRECISION = 1e-13
UNDERFLOW = float(numpy.finfo(numpy.float64).smallest_subnormal)
"""Products of tiny values underflow in float64 (the reference's arithmetic, and the
answer's type) but not in long double: an error this small is the format, not a bug."""
"""How far the reference may be from the exact sum, relative to the sum of the absolute
values of its terms: far inside the judge's tolerance (1e-9 + 1e-6·|expected|)."""


def exact_pixel(case: dict[str, Any], n: int, f: int, i: int, j: int) -> tuple[Fraction, float]:
    """out[n, f, i, j] exactly, reading the unpadded input (positions outside it are the
    padding's zeros), and the sum of |terms| (the scale of rounding errors)."""
    x, w, stride, padding = case["x"], case["w"], case["stride"], case["padding"]
    _, channels, height, width = x.shape
    _, _, kh, kw = w.shape
    total, scale = Fraction(0), 0.0
    for c in range(channels):
        for a in range(kh):
            for b in range(kw):
                row, column = i * stride + a - padding, j * stride + b - padding
                if 0 <= row < height and 0 <= column < width:
                    term = Fraction(float(x[n, c, row, column])) * Fraction(float(w[f, c, a, b]))
                    total += term
                    scale += abs(float(term))
    return total, scale


def exact_shape(case: dict[str, Any]) -> tuple[int, int, int, int]:
    """(N, F, OH, OW) counted by placing the kernel, not by the formula."""
    x, w, stride, padding = case["x"], case["w"], case["stride"], case["padding"]
    rows = len(range(0, x.shape[2] + 2 * padding - w.shape[2] + 1, stride))
    columns = len(range(0, x.shape[3] + 2 * padding - w.shape[3] + 1, stride))
    return x.shape[0], w.shape[0], rows, columns


def assert_exact(
    case: dict[str, Any], pixels: list[tuple[int, int, int, int]] | None = None
) -> None:
    got = reference_answer(PROBLEM, case)
    assert got.shape == exact_shape(case)
    assert got.dtype == numpy.float64
    for n, f, i, j in pixels or list(numpy.ndindex(got.shape)):
        exact, scale = exact_pixel(case, n, f, i, j)
        assert abs(Fraction(float(got[n, f, i, j])) - exact) <= PRECISION * scale, (n, f, i, j)


def long_double_answer(case: dict[str, Any]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The whole output in 80-bit long doubles (64-bit significands), by another route than
    the reference's: zero-pad explicitly, then add one shifted, strided slice per (channel,
    kernel row, kernel column) term. Also the sum of |terms| at each pixel."""
    x, w, stride, padding = case["x"], case["w"], case["stride"], case["padding"]
    n, f, rows, columns = exact_shape(case)
    padded = numpy.zeros(
        (n, x.shape[1], x.shape[2] + 2 * padding, x.shape[3] + 2 * padding), numpy.longdouble
    )
    padded[:, :, padding : padding + x.shape[2], padding : padding + x.shape[3]] = x
    total = numpy.zeros((n, f, rows, columns), numpy.longdouble)
    scale = numpy.zeros((n, f, rows, columns), numpy.longdouble)
    for c in range(x.shape[1]):
        for a in range(w.shape[2]):
            for b in range(w.shape[3]):
                part = padded[
                    :, c, a : a + stride * rows : stride, b : b + stride * columns : stride
                ]
                terms = part[:, None] * w[None, :, c, a, b, None, None].astype(numpy.longdouble)
                total += terms
                scale += numpy.abs(terms)
    return total, scale


def assert_in_range(case: dict[str, Any]) -> None:
    x, w, stride, padding = case["x"], case["w"], case["stride"], case["padding"]
    assert x.dtype == w.dtype == numpy.float64 and x.ndim == w.ndim == 4
    assert x.shape[1] == w.shape[1]
    assert 1 <= stride <= properties.STRIDE_MAX and 0 <= padding <= properties.PADDING_MAX
    assert 1 <= w.shape[2] <= min(properties.K_MAX, x.shape[2] + 2 * padding)
    assert 1 <= w.shape[3] <= min(properties.K_MAX, x.shape[3] + 2 * padding)
    assert max(x.shape[2:]) <= properties.SIZE_MAX and x.size <= properties.ELEMENTS_MAX
    assert numpy.prod(exact_shape(case)) <= properties.ELEMENTS_MAX
    assert numpy.abs(x).max() <= properties.VALUE_MAX and numpy.abs(w).max() <= properties.VALUE_MAX


@settings(max_examples=100, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_long_double_sums_on_generated_cases(case: dict[str, Any]) -> None:
    assert numpy.finfo(numpy.longdouble).eps < 1e-18  # 80-bit (x86) or better
    assert_in_range(case)
    got = reference_answer(PROBLEM, case)
    assert got.shape == exact_shape(case) and got.dtype == numpy.float64
    precise, scale = long_double_answer(case)
    error = numpy.abs(got.astype(numpy.longdouble) - precise)
    assert numpy.all(error <= PRECISION * scale + UNDERFLOW)
    assert check(PROBLEM, case, precise.astype(numpy.float64)).ok


@settings(max_examples=25, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert_exact(case)


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert_in_range(case)
        assert_exact(case)
        shape = exact_shape(case)
        expected = [float(exact_pixel(case, *pixel)[0]) for pixel in numpy.ndindex(shape)]
        assert numpy.array(example.output).ravel().tolist() == expected
        assert check(PROBLEM, case, example.output).ok


def test_the_kernel_is_not_flipped() -> None:
    """A one-hot kernel picks one neighbour: cross-correlation reads the pixel the hot cell
    lies over; a flipped kernel reads the opposite neighbour, and the checker refuses it."""
    x = numpy.arange(9.0).reshape(1, 1, 3, 3)
    w = numpy.zeros((1, 1, 3, 3))
    w[0, 0, 0, 0] = 1.0  # top-left cell of the kernel
    case = {"x": x, "w": w, "stride": 1, "padding": 1}
    out = reference_answer(PROBLEM, case)
    assert out[0, 0, 1, 1] == x[0, 0, 0, 0]  # the window centred on (1, 1) reads (0, 0)
    flipped = reference_answer(PROBLEM, {**case, "w": w[:, :, ::-1, ::-1]})
    assert flipped[0, 0, 1, 1] == x[0, 0, 2, 2]
    assert not check(PROBLEM, case, flipped).ok


def test_checker_rejects_wrong_shapes_and_values() -> None:
    case = properties.from_example(dict(PROBLEM.examples[2].input))
    right = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, right.tolist()).ok
    assert check(PROBLEM, case, right + 5e-10).ok  # within the tolerance
    assert not check(PROBLEM, case, right + 1e-3).ok
    assert not check(PROBLEM, case, right[:, :, :2]).ok  # one row short (floor vs ceil)
    assert not check(PROBLEM, case, right[0]).ok
    with_nan = right.copy()
    with_nan[0, 1, 2, 2] = numpy.nan
    assert not check(PROBLEM, case, with_nan).ok


def test_stress_cases_reach_the_maxima() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert len(cases) == 2
    for case in cases:
        assert_in_range(case)
    big, deep = cases
    assert max(big["x"].shape[2:]) == properties.SIZE_MAX
    assert numpy.prod(exact_shape(big)) > 10**6  # output pixels: numpy calls for a pixel loop
    assert big["w"].shape[2] != big["w"].shape[3]
    assert deep["stride"] > 1 and deep["padding"] > 0 and deep["x"].shape[1] > 1
    assert (deep["x"].shape[2] + 2 * deep["padding"] - deep["w"].shape[2]) % deep["stride"] != 0
    rng = random.Random(1)
    for case in cases:  # the exact sum at 40 pixels of each, corners included
        shape = exact_shape(case)
        pixels = [tuple(rng.randrange(size) for size in shape) for _ in range(36)]
        pixels += [(0, 0, 0, 0), (0, 0, shape[2] - 1, shape[3] - 1)]
        pixels += [(shape[0] - 1, shape[1] - 1, 0, shape[3] - 1), (0, 0, shape[2] - 1, 0)]
        assert_exact(case, pixels)

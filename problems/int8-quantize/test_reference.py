"""The int8 reference against exact rational arithmetic (scales and rounded quotients of the
doubles as given), the examples, the stress cases, and the custom checker against right and
wrong answers of every shape."""

from __future__ import annotations

import functools
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
"""How close the reference's scales must be to the exact max|w| / 127, relatively: far
inside the judge's 1e-9."""


def round_half_even(q: Fraction) -> int:
    below = q.numerator // q.denominator
    rest = q - below
    if rest == Fraction(1, 2):
        return below + below % 2
    return below + int(rest > Fraction(1, 2))


def is_power_of_two(f: Fraction) -> bool:
    return f > 0 and all(k & (k - 1) == 0 for k in (f.numerator, f.denominator))


def exact_answer(
    w: numpy.ndarray, axis: int
) -> tuple[numpy.ndarray, list[Fraction], numpy.ndarray]:
    """The exactly rounded 127·w / max|w| of each value's channel (row-major, w's shape), the
    exact scales, and where the exact quotient lies within 1e-9 of a half without being an
    exact half of a power-of-two scale (where the statement accepts either neighbour).
    Plain loops over the values; nothing shared with the reference or the checker."""
    channel_of = numpy.indices(w.shape)[axis % w.ndim].ravel().tolist()
    flat = [Fraction(v) for v in w.ravel().tolist()]
    top = [Fraction(0)] * w.shape[axis]
    for c, v in zip(channel_of, flat, strict=True):
        top[c] = max(top[c], abs(v))
    scales = [t / 127 for t in top]
    values, either = [], []
    for c, v in zip(channel_of, flat, strict=True):
        q = v / scales[c] if scales[c] else Fraction(0)
        distance = abs(q - q.numerator // q.denominator - Fraction(1, 2))
        values.append(round_half_even(q))
        exact_half = distance == 0 and is_power_of_two(scales[c])
        either.append(distance <= Fraction(1, 10**9) and not exact_half)
    shape = w.shape
    return (
        numpy.array(values, dtype=numpy.int64).reshape(shape),
        scales,
        numpy.array(either, dtype=bool).reshape(shape),
    )


def assert_exact(case: dict[str, Any]) -> None:
    w, axis = case["w"], case["axis"]
    values, scales = reference_answer(PROBLEM, case)
    exact_values, exact_scales, either = exact_answer(w, axis)
    assert values.dtype == numpy.int8 and values.shape == w.shape
    assert scales.dtype == numpy.float64 and scales.shape == (w.shape[axis],)
    for got, exact in zip(scales.tolist(), exact_scales, strict=True):
        assert abs(Fraction(got) - exact) <= PRECISION * exact
    assert numpy.all((values == exact_values) | either)
    assert numpy.all(numpy.abs(values.astype(int)) <= 127)
    assert check(PROBLEM, case, (values, scales)).ok
    oracle = (exact_values.astype(numpy.int8), [float(s) for s in exact_scales])
    assert check(PROBLEM, case, oracle).ok  # the exact answer is accepted too


def assert_in_range(case: dict[str, Any]) -> None:
    w, axis = case["w"], case["axis"]
    assert w.dtype == numpy.float64 and 1 <= w.ndim <= 4 and -w.ndim <= axis < w.ndim
    assert w.size <= properties.ELEMENTS_MAX
    assert all(size >= 1 for a, size in enumerate(w.shape) if a != axis % w.ndim)
    magnitudes = numpy.abs(w[w != 0])
    assert numpy.all((magnitudes >= properties.TINY) & (magnitudes <= properties.VALUE_MAX))


@settings(max_examples=120, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert_in_range(case)
    assert_exact(case)


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert_in_range(case)
        assert_exact(case)
        exact_values, exact_scales, either = exact_answer(case["w"], case["axis"])
        assert not either.any()  # no example leaves a value to either neighbour
        assert example.output[0] == exact_values.tolist()
        assert example.output[1] == [float(s) for s in exact_scales]
        assert check(PROBLEM, case, example.output).ok


def test_exact_halves_round_to_even_and_zero_channels_stay_zero() -> None:
    w = numpy.array([[127.0, 2.5, -2.5, 0.5, -0.5, 1.5], [0.0] * 6, [63.5, 1.25, 0.75, 0, 0, 0]])
    case = {"w": w, "axis": 0}
    values, scales = reference_answer(PROBLEM, case)
    assert values.tolist() == [[127, 2, -2, 0, 0, 2], [0] * 6, [127, 2, 2, 0, 0, 0]]
    assert scales.tolist() == [1.0, 0.0, 0.5]
    away = values.copy()
    away[0, 1:5] = [3, -3, 1, -1]
    assert not check(PROBLEM, case, (away, scales)).ok
    assert not check(PROBLEM, case, (values, [1.0, 1.0, 0.5])).ok  # zero channel: scale 0
    assert not check(PROBLEM, case, (values, [1.0, 1e-12, 0.5])).ok


def test_either_neighbour_is_accepted_only_where_floating_point_cannot_decide() -> None:
    """max|w| = 1: the scale 1/127 is not a power of two, and 0.5 / scale is 63.5 only up
    to rounding, so 63 and 64 are both right. With max|w| = 127 the half is exact: 64 only."""
    case = {"w": numpy.array([[1.0, 0.5]]), "axis": 0}
    _, scales = reference_answer(PROBLEM, case)
    assert exact_answer(case["w"], 0)[2].tolist() == [[False, True]]
    for middle in (63, 64):
        assert check(PROBLEM, case, (numpy.array([[127, middle]], numpy.int8), scales)).ok
    assert not check(PROBLEM, case, (numpy.array([[127, 62]], numpy.int8), scales)).ok
    decided = {"w": numpy.array([[127.0, 63.5]]), "axis": 0}
    assert check(PROBLEM, decided, (numpy.array([[127, 64]], numpy.int8), [1.0])).ok
    assert not check(PROBLEM, decided, (numpy.array([[127, 63]], numpy.int8), [1.0])).ok


def test_checker_rejects_malformed_answers_with_a_reason() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    values, scales = reference_answer(PROBLEM, case)
    wrong = {
        "None": None,
        "values only": values,
        "three items": (values, scales, scales),
        "a dict": {"values": values, "scales": scales},
        "int64 values": (values.astype(numpy.int64), scales),
        "uint8 values": (values.astype(numpy.uint8), scales),
        "float values": (values.astype(numpy.float64), scales),
        "values as floats in a list": (values.astype(float).tolist(), scales),
        "values as booleans": ([[True] * 4] * 2, scales),
        "a ragged list": ([[127, -32, 4], [127, -51, 25, 0]], scales),
        "values transposed": (values.T.copy(), scales),
        "values flattened": (values.ravel(), scales),
        "a value off by one": (
            values + numpy.array([[0, 0, 1, 0], [0, 0, 0, 0]], numpy.int8),
            scales,
        ),
        "-128": (numpy.array([[127, -32, 4, -2], [127, -128, 25, 0]], numpy.int8), scales),
        "scales with keepdims": (values, scales[:, None]),
        "one scale too few": (values, scales[:1]),
        "scales off by 1e-6": (values, scales * (1 + 1e-6)),
        "scales as float32": (values, scales.astype(numpy.float32)),
        "scales None": (values, None),
        "NaN scale": (values, numpy.array([1.0, numpy.nan])),
    }
    for name, got in wrong.items():
        verdict = check(PROBLEM, case, got)
        assert not verdict.ok, name
        assert verdict.message, name
    for right in ((values, scales), [values, scales], (values.tolist(), scales.tolist())):
        assert check(PROBLEM, case, right).ok


def test_no_channels_and_one_value_per_channel() -> None:
    empty = {"w": numpy.zeros((0, 3)), "axis": 0}
    values, scales = reference_answer(PROBLEM, empty)
    assert values.shape == (0, 3) and scales.shape == (0,)
    assert check(PROBLEM, empty, (numpy.zeros((0, 3), numpy.int8), [])).ok
    assert check(PROBLEM, empty, ([], [])).ok
    vector = {"w": numpy.array([-2.0, 0.0, 3e-30]), "axis": -1}
    values, scales = reference_answer(PROBLEM, vector)
    assert values.tolist() == [-127, 0, 127]
    assert scales[1] == 0.0


@functools.cache
def stress() -> list[dict[str, Any]]:
    return properties.stress_cases(random.Random(0))


def test_stress_cases_reach_the_maxima() -> None:
    matrix, conv = stress()
    for case in (matrix, conv):
        assert_in_range(case)
    assert matrix["w"].size == properties.ELEMENTS_MAX and matrix["w"].shape[0] == 2048
    assert conv["w"].ndim == 4 and conv["axis"] == 1
    values, scales = reference_answer(PROBLEM, matrix)
    assert numpy.count_nonzero(scales == 0) == 8  # all-zero rows
    assert numpy.count_nonzero(scales == 1.0) == 32  # rows of exact halves
    halves = matrix["w"][1::64]
    assert numpy.count_nonzero(halves % 1 == 0.5) > 10**4
    assert check(PROBLEM, matrix, (values, scales)).ok
    rows = [0, 1, 65, 256, 1000, 1025, 2047]  # exact on a sample: zero, halves, Gaussian rows
    part = {"w": matrix["w"][rows], "axis": 0}
    assert numpy.array_equal(reference_answer(PROBLEM, part)[0], values[rows])
    assert_exact(part)
    assert_exact({"w": conv["w"][:4, :, :2, :1], "axis": 1})

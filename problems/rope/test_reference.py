"""The reference against the rotation computed in 50-digit arithmetic, value by value.

The oracle shares no step with the reference: each angle p · base^(-2i/d) is formed from the
exact inputs with `mpmath` (50 significant digits), its cosine and sine too, and only the
final coordinates are rounded to doubles.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import mpmath
import numpy
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

mpmath.mp.dps = 50

PRECISION = 1e-9
"""How close (absolutely) the reference must be to the exact answer: ten times inside the
judge's absolute tolerance (1e-8; the relative one is 1e-6). A float64 angle near 10^5 is
off by about 10^-11 radians, so the reference's coordinates are off by about 10^-10."""


def exact_vector(vector: list[float], position: int, base: float) -> list[float]:
    d = len(vector)
    out = []
    for i in range(d // 2):
        theta = position * mpmath.power(mpmath.mpf(base), mpmath.mpf(-2 * i) / d)
        cos, sin = mpmath.cos(theta), mpmath.sin(theta)
        first, second = mpmath.mpf(vector[2 * i]), mpmath.mpf(vector[2 * i + 1])
        out += [float(first * cos - second * sin), float(first * sin + second * cos)]
    return out


def exact_answer(case: dict[str, Any]) -> numpy.ndarray:
    x, positions = case["x"], case["positions"].tolist()
    length, d = x.shape[-2], x.shape[-1]
    blocks = x.reshape(-1, length, d).tolist() if x.size else []
    exact = [
        [
            exact_vector(vector, position, case["base"])
            for vector, position in zip(block, positions, strict=True)
        ]
        for block in blocks
    ]
    return numpy.array(exact, dtype=numpy.float64).reshape(x.shape)


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    assert isinstance(got, numpy.ndarray) and got.shape == case["x"].shape
    assert got.dtype == numpy.float64 and numpy.all(numpy.isfinite(got))
    if got.size:
        expected = exact_answer(case)
        error = numpy.abs(got - expected)
        worst = numpy.unravel_index(numpy.argmax(error), got.shape)
        assert error[worst] <= PRECISION, (
            f"at {worst}: exact {expected[worst]!r}, got {got[worst]!r}"
        )
        assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


def one(vector: list[float], position: int, base: float = 10000.0) -> dict[str, Any]:
    """A case of one vector (L = 1)."""
    return properties.from_example({"x": [vector], "positions": [position], "base": base})


@settings(max_examples=200, deadline=None)
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


COORDINATES = st.floats(-10, 10, allow_subnormal=False)
POSITIONS = st.integers(0, properties.POSITION_MAX // 2)


@st.composite
def _query_key(draw: st.DrawFn) -> tuple[numpy.ndarray, numpy.ndarray]:
    d = 2 * draw(st.integers(1, 4))
    return draw(hnp.arrays(numpy.float64, d, elements=COORDINATES)), draw(
        hnp.arrays(numpy.float64, d, elements=COORDINATES)
    )


def rotated(vector: numpy.ndarray, position: int, base: float) -> numpy.ndarray:
    return reference_answer(PROBLEM, one(vector.tolist(), position, base))[0]


@settings(max_examples=100, deadline=None)
@given(_query_key(), POSITIONS, POSITIONS, POSITIONS, st.floats(2.0, 1e6))
def test_query_key_products_depend_only_on_the_offset(
    query_key: tuple[numpy.ndarray, numpy.ndarray], m: int, n: int, shift: int, base: float
) -> None:
    """rope(q, m) · rope(k, n) is unchanged when both positions shift by the same amount,
    and equals q · rope(k, n − m) when m <= n: relative position, as RoPE promises."""
    q, k = query_key
    scale = 1e-9 * (1.0 + float(numpy.abs(q).sum() * numpy.abs(k).sum()))
    m, n = min(m, n), max(m, n)
    score = float(rotated(q, m, base) @ rotated(k, n, base))
    assert abs(score - float(rotated(q, m + shift, base) @ rotated(k, n + shift, base))) <= scale
    assert abs(score - float(q @ rotated(k, n - m, base))) <= scale


def test_rotation_keeps_each_pair_length_and_turns_counter_clockwise() -> None:
    case = {
        "x": numpy.array([[[3.0, 4.0, -1.0, 2.0]] * 3]),
        "positions": numpy.array([0, 7, 99999]),
        "base": 2.0,
    }
    got = reference_answer(PROBLEM, case)
    assert numpy.allclose(
        numpy.hypot(got[..., 0::2], got[..., 1::2]), [5.0, numpy.sqrt(5.0)], rtol=0, atol=1e-12
    )
    assert reference_answer(PROBLEM, one([1.0, 0.0], 0)).tolist() == [[1.0, 0.0]]
    assert numpy.allclose(
        reference_answer(PROBLEM, one([1.0, 0.0], 1)), [[numpy.cos(1.0), numpy.sin(1.0)]]
    )


def test_other_conventions_are_refused() -> None:
    """The half-split (GPT-NeoX) pairing and the clockwise turn give other functions."""
    case = one([1.0, 2.0, 3.0, 4.0], 3, 100.0)
    x, angles = case["x"][0], 3 * 100.0 ** (-numpy.arange(0, 4, 2) / 4)
    cos, sin = numpy.cos(angles), numpy.sin(angles)
    half_split = numpy.concatenate([x[:2] * cos - x[2:] * sin, x[:2] * sin + x[2:] * cos])
    clockwise = numpy.stack(
        [x[0::2] * cos + x[1::2] * sin, -x[0::2] * sin + x[1::2] * cos], -1
    ).ravel()
    interleaved = numpy.stack(
        [x[0::2] * cos - x[1::2] * sin, x[0::2] * sin + x[1::2] * cos], -1
    ).ravel()
    assert check(PROBLEM, case, [interleaved]).ok
    assert not check(PROBLEM, case, [half_split]).ok
    assert not check(PROBLEM, case, [clockwise]).ok


def test_stress_case_reaches_the_stated_maxima() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    x, positions = case["x"], case["positions"]
    assert x.shape == (2, 2, 4096, 128) and x.size == 2**21  # ndim 4, L = 4096, d = 128
    assert x.dtype == numpy.float64 and numpy.abs(x).max() <= 10
    assert positions.dtype == numpy.int64 and positions.shape == (4096,)
    assert positions.min() >= 0 and positions.max() <= properties.POSITION_MAX
    assert len(set(positions.tolist())) == 4096  # distinct
    assert not numpy.all(numpy.diff(positions) > 0)  # not sorted
    assert positions.max() > 99_000  # angles near 10^5 radians
    assert 2.0 <= case["base"] <= 1e6 and case["base"] != 10000.0


def test_reference_is_exact_on_sampled_stress_vectors() -> None:
    for case in properties.stress_cases(random.Random(0)):
        x, got = case["x"], reference_answer(PROBLEM, case)
        length = x.shape[-2]
        vectors, answers = x.reshape(-1, length, x.shape[-1]), got.reshape(-1, length, x.shape[-1])
        for j in (0, 1, length // 2, length - 1):
            position = int(case["positions"][j])
            expected = exact_vector(vectors[-1, j].tolist(), position, case["base"])
            assert numpy.max(numpy.abs(answers[-1, j] - expected)) <= PRECISION, j


def test_checker_rejects_nan_and_wrong_shapes() -> None:
    case = properties.from_example(dict(PROBLEM.examples[1].input))
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, expected.tolist()).ok
    with_nan = expected.copy()
    with_nan[1, 1, 0] = numpy.nan
    for wrong in (with_nan, expected[0], expected.reshape(2, 4), "not numbers", None):
        assert not check(PROBLEM, case, wrong).ok

"""The reference against the exact cosine, computed in rational arithmetic, pair by pair.

The oracle never squares a float: every component becomes a `Fraction` (exact), so the dot
product and the squared norms are exact however small the components, and only the final
square root is rounded (40 significant digits, then to the nearest double). It shares no
step with the reference, which scales rows in floating point.
"""

from __future__ import annotations

import math
import random
import sys
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-12
"""How close the reference must be to the exact answer: far inside the judge's tolerance
(1e-6 relative, 1e-8 absolute), so the reference is never what decides a verdict."""

TINY = sys.float_info.min * sys.float_info.epsilon
"""The smallest positive double (a subnormal, 5e-324)."""


def exact_cosine(u: list[float], v: list[float]) -> float:
    """cos(u, v) of the doubles as given, correctly rounded to within an ulp; 0.0 for a zero vector."""
    fu, fv = [Fraction(a) for a in u], [Fraction(b) for b in v]
    norm_u, norm_v = sum(a * a for a in fu), sum(b * b for b in fv)
    dot = sum((a * b for a, b in zip(fu, fv, strict=True)), Fraction(0))
    if norm_u == 0 or norm_v == 0 or dot == 0:
        return 0.0
    square = dot * dot / (norm_u * norm_v)
    with localcontext() as context:
        context.prec = 40
        root = (Decimal(square.numerator) / Decimal(square.denominator)).sqrt()
    return math.copysign(float(root), dot)


def exact_answer(x: numpy.ndarray, y: numpy.ndarray) -> numpy.ndarray:
    answer = numpy.zeros((x.shape[0], x.shape[1], y.shape[1]))
    for b in range(x.shape[0]):
        for i in range(x.shape[1]):
            for j in range(y.shape[1]):
                answer[b, i, j] = exact_cosine(x[b, i].tolist(), y[b, j].tolist())
    return answer


def assert_exact(case: dict[str, Any]) -> None:
    x, y = case["x"], case["y"]
    got = numpy.asarray(reference_answer(PROBLEM, case))
    expected = exact_answer(x, y)
    assert got.shape == (x.shape[0], x.shape[1], y.shape[1])
    assert numpy.all(numpy.isfinite(got))
    if got.size:
        error = numpy.abs(got - expected)
        worst = numpy.unravel_index(numpy.argmax(error), got.shape)
        assert error[worst] <= PRECISION, (
            f"at {worst}: exact {expected[worst]!r}, reference {got[worst]!r}"
        )
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


def batch(x: list[list[float]], y: list[list[float]]) -> dict[str, Any]:
    """One batch (B = 1) of rows x and y."""
    return {"x": numpy.array([x], dtype=numpy.float64), "y": numpy.array([y], dtype=numpy.float64)}


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert_exact(case)


def test_reference_is_exact_on_the_edges_of_the_range() -> None:
    """Zero rows, the field report's short vector, subnormals, rows mixing 10^3 with tiny
    components, exactly parallel, opposite and orthogonal pairs, and empty shapes."""
    edges = [
        batch([[0.0, 1.0]], [[0, 0], [0, 0], [0.0, 5.416e-185]]),  # reported from the field
        batch([[1e-200, 0.0], [1e-170, 1e-170]], [[3.0, 0.0], [-1e-160, -1e-160]]),
        batch([[TINY, 0.0], [TINY, TINY], [3 * TINY, -TINY]], [[1.0, 0.0], [TINY, TINY]]),
        batch([[1e3, 1e-300, -1e-300], [1e3, 1e3, 1e3]], [[1e3, 0.0, 0.0], [-1e-308, 0, 0]]),
        batch([[0.0, 0.0, 0.0]], [[0.0, 0.0, 0.0], [1.0, 2.0, 3.0]]),
        batch([[1.0, 2.0, 3.0]], [[-2.5, -5.0, -7.5], [3.0, 0.0, -1.0], [2e-250, 4e-250, 6e-250]]),
        batch([[1e3] * 64], [[-1e3] * 64, [1e-300] * 64]),
        {"x": numpy.zeros((2, 0, 3)), "y": numpy.ones((2, 4, 3))},
        {"x": numpy.ones((1, 3, 2)), "y": numpy.zeros((1, 0, 2))},
    ]
    for case in edges:
        assert_exact(case)


def test_the_textbook_norm_is_rejected_on_short_vectors() -> None:
    """The statement's warning holds: sqrt(sum(v**2)) underflows on the field's case, the
    exact answer is 1.0, and the checker refuses the textbook's 0.0."""
    case = batch([[0.0, 1.0]], [[0.0, 5.416e-185]])
    norms = numpy.linalg.norm(case["x"], axis=-1) * numpy.linalg.norm(case["y"], axis=-1)
    assert norms.item() == 0.0  # the underflow itself: the textbook then answers 0.0
    assert exact_answer(case["x"], case["y"]).item() == 1.0
    assert reference_answer(PROBLEM, case).item() == 1.0
    assert not check(PROBLEM, case, numpy.zeros((1, 1, 1))).ok


def test_reference_is_exact_on_sampled_stress_pairs() -> None:
    """The full-size case, on pairs drawn at random, pairs with zero rows, and pairs of the
    rows a very short row would be planted in (1, 102: every 101st from 1)."""
    (case,) = properties.stress_cases(random.Random(0))
    x, y = case["x"], case["y"]
    got = reference_answer(PROBLEM, case)
    rng = random.Random(1)
    shape = got.shape
    pairs = {
        (rng.randrange(shape[0]), rng.randrange(shape[1]), rng.randrange(shape[2]))
        for _ in range(300)
    }
    pairs |= {(0, 0, j) for j in range(0, shape[2], 89)}  # zero rows of y
    pairs |= {(1, i, j) for i in (1, 97, 102) for j in range(40)}  # a zero row of x, and others
    for b, i, j in sorted(pairs):
        expected = exact_cosine(x[b, i].tolist(), y[b, j].tolist())
        assert abs(got[b, i, j] - expected) <= PRECISION, (b, i, j)


def test_checker_rejects_nan_and_wrong_shapes() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, expected.tolist(), expected).ok
    with_nan = expected.copy()
    with_nan[0, 0, 0] = numpy.nan
    assert not check(PROBLEM, case, with_nan, expected).ok
    assert not check(PROBLEM, case, expected[0], expected).ok
    assert not check(PROBLEM, case, "not numbers", expected).ok


def test_examples_are_the_exact_answers() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        assert numpy.allclose(
            exact_answer(case["x"], case["y"]), example.output, rtol=0, atol=1e-15
        )


def test_stress_is_full_size() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    assert case["x"].shape == (8, 512, 64) and case["y"].shape == (8, 512, 64)

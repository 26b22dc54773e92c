"""The PCA reference against an eigendecomposition at 50 significant digits, the stress case
against its promises, and the custom checker against answers of every shape.

The oracle builds the covariance exactly (every value a `Fraction`: the mean, the centred
values and their products carry no rounding), then takes its eigenvalues and eigenvectors
with mpmath's symmetric eigensolver at 50 digits: no SVD, no float64, nothing shared with
the reference (a QR and an SVD of the centred data in float64)."""

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

PRECISION = 1e-10
"""How close the reference must be to the exact answer: variances within PRECISION × the
largest, and the sine of the angle between its components and the exact eigenspaces at
most PRECISION; far inside the judge's tolerance (1e-6)."""


def exact_eigen(x: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """All d variances (ddof = 1) in decreasing order and their orthonormal eigenvectors as
    rows, from the exact covariance, at 50 digits, rounded to float64 at the end."""
    n, d = x.shape
    rows = [[Fraction(v) for v in row] for row in x.tolist()]
    mean = [sum(column, Fraction(0)) / n for column in zip(*rows, strict=True)]
    centred = [[v - m for v, m in zip(row, mean, strict=True)] for row in rows]
    with mpmath.workdps(50):
        covariance = mpmath.matrix(d, d)
        for i in range(d):
            for j in range(i, d):
                exact = sum((row[i] * row[j] for row in centred), Fraction(0)) / (n - 1)
                covariance[i, j] = covariance[j, i] = (
                    mpmath.mpf(exact.numerator) / exact.denominator
                )
        values, vectors = mpmath.eigsy(covariance)
        order = sorted(range(d), key=lambda i: values[i], reverse=True)
        variances = numpy.array([float(values[i]) for i in order])
        basis = numpy.array([[float(vectors[r, i]) for r in range(d)] for i in order])
    return variances, basis


def sine(rows: numpy.ndarray, space: numpy.ndarray) -> float:
    """The sine of the largest angle between span(rows) (orthonormal) and span(space)."""
    return float(numpy.linalg.norm(rows - rows @ space.T @ space, 2))


def assert_exact(case: dict[str, Any]) -> None:
    x, k = case["x"], case["k"]
    components, variances = reference_answer(PROBLEM, case)
    assert components.shape == (k, x.shape[1]) and variances.shape == (k,)
    exact_variances, basis = exact_eigen(x)
    largest = exact_variances[0]
    assert numpy.all(numpy.abs(variances - exact_variances[:k]) <= PRECISION * largest + 1e-300)
    assert numpy.abs(components @ components.T - numpy.eye(k)).max() <= PRECISION
    for start, stop in properties.groups(exact_variances, PROBLEM.tolerance):
        if start < k:
            assert sine(components[start : min(stop, k)], basis[start:stop]) <= PRECISION
    assert check(PROBLEM, case, (basis[:k], exact_variances[:k])).ok


@settings(max_examples=100, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    x, k = case["x"], case["k"]
    assert x.dtype == numpy.float64 and len(x) >= 2 and 1 <= k <= min(x.shape)
    assert numpy.all(numpy.abs(x) <= properties.MAX_VALUE)
    assert_exact(case)


def test_examples_are_exact_and_accepted() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        variances, _ = exact_eigen(case["x"])
        assert numpy.allclose(example.output[1], variances[: case["k"]], rtol=1e-15, atol=1e-40)
        assert check(PROBLEM, case, example.output).ok


def test_edges_are_exact() -> None:
    """All points equal (every variance 0); fewer points than dimensions; one dimension;
    a tight cluster around 10^6, where E[x²] - E[x]² loses everything."""
    edges = [
        ([[3.0, -1.0, 2.0]] * 4, 3),
        ([[1.0, 2.0, 3.0, 4.0], [0.0, 5.0, 1.0, 1.0]], 2),
        ([[1.0], [4.0], [-2.0]], 1),
        ([[1e6 + 1, 1e6], [1e6 - 1, 1e6], [1e6, 1e6 + 0.5], [1e6, 1e6 - 0.5]], 2),
    ]
    for x, k in edges:
        assert_exact(properties.from_example({"x": x, "k": k}))


def test_stress_case_is_full_size_well_posed_and_right() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    x = case["x"]
    assert x.shape == (properties.MAX_N, properties.MAX_D) and case["k"] == 10
    assert numpy.all(numpy.abs(x) <= properties.MAX_VALUE)
    assert properties.well_posed(case)
    variances, _ = properties.spectrum(x)
    assert numpy.all(-numpy.diff(variances) >= properties.APART * variances[0])  # all apart
    values, vectors = numpy.linalg.eigh(numpy.cov(x, rowvar=False))  # another method
    assert check(PROBLEM, case, (vectors[:, ::-1][:, :10].T, values[::-1][:10])).ok


def test_checker_accepts_every_right_answer() -> None:
    first, isotropic, collinear = (
        properties.from_example(dict(example.input)) for example in PROBLEM.examples
    )
    variances = [8 / 3, 2 / 3]
    assert check(PROBLEM, first, ([[-1.0, 0.0], [0.0, -1.0]], variances)).ok  # signs
    assert check(PROBLEM, first, (numpy.eye(2, dtype=numpy.int64), numpy.array(variances))).ok
    for angle in (0.3, 1.0, 2.5):  # any unit vector: the two variances are equal
        assert check(PROBLEM, isotropic, ([[numpy.cos(angle), numpy.sin(angle)]], [2 / 3])).ok
    half = 0.5**0.5
    assert check(PROBLEM, collinear, ([[-half, -half], [half, -half]], [4.0, 1e-20])).ok
    sphere = properties.from_example(
        {"x": [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]], "k": 2}
    )
    turned = numpy.linalg.qr(numpy.array([[1.0, 2.0, 3.0], [0.0, 1.0, -1.0], [2.0, 0.0, 1.0]]))[0]
    assert check(PROBLEM, sphere, (turned[:2], [0.4, 0.4])).ok  # a group cut by k


def test_checker_rejects_wrong_answers_with_a_reason() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    components, variances = numpy.eye(2), numpy.array([8 / 3, 2 / 3])
    turned = numpy.array([[0.8, 0.6], [-0.6, 0.8]])
    wrong = {
        "None": None,
        "one array": components,
        "three items": (components, variances, variances),
        "variances None": (components, None),
        "variances ascending": (components, variances[::-1]),
        "variances biased (ddof 0)": (components, variances * 3 / 4),
        "variances short": (components, variances[:1]),
        "variances NaN": (components, numpy.array([numpy.nan, 2 / 3])),
        "components None": (None, variances),
        "components text": ("eye", variances),
        "components booleans": (numpy.eye(2, dtype=bool), variances),
        "components ragged": ([[1.0, 0.0], [0.0]], variances),
        "components transposed shape": (components[:1].T, variances),
        "components swapped": (components[::-1], variances),
        "components turned": (turned, variances),
        "components not unit": (2 * components, variances),
        "components not orthogonal": ([[1.0, 0.0], [0.6, 0.8]], variances),
        "components NaN": (numpy.full((2, 2), numpy.nan), variances),
        "components infinite": (numpy.full((2, 2), numpy.inf), variances),
    }
    for name, answer in wrong.items():
        verdict = check(PROBLEM, case, answer)
        assert not verdict.ok and verdict.message, name
    flat = properties.from_example(
        {"x": [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 0.5], [0, 0, -0.5]], "k": 1}
    )  # variances 0.4, 0.4 (a group cut by k = 1) and 0.1
    assert check(PROBLEM, flat, ([[0.6, -0.8, 0.0]], [0.4])).ok
    verdict = check(PROBLEM, flat, ([[0.6, 0.0, 0.8]], [0.4]))  # leaves the plane of 0.4
    assert not verdict.ok and "leave" in verdict.message

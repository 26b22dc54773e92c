"""The k-means reference against Lloyd's algorithm in exact rational arithmetic, the stress
cases against their promises, and the custom checker against answers of every shape.

The oracle turns every coordinate into a `Fraction` (exact) and runs the steps with exact
squared distances, exact means and the lowest index on exact ties: loops, no numpy, no
rounding at all, so it shares nothing with the reference (a matrix product, `bincount`)."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-12
"""How close the reference's centroids must be to the exact ones, relative to 1 + |value|:
far inside the judge's tolerance (1e-6 relative, 1e-9 absolute)."""

Point = list[Fraction]


def exact_distance(p: Point, q: Point) -> Fraction:
    return sum(((a - b) ** 2 for a, b in zip(p, q, strict=True)), Fraction(0))


def exact_nearest(point: Point, centroids: list[Point]) -> int:
    distances = [exact_distance(point, c) for c in centroids]
    return distances.index(min(distances))  # the first of equal minima: the lowest index


def exact_lloyd(case: dict[str, Any]) -> tuple[list[Point], list[int]]:
    points = [[Fraction(v) for v in row] for row in case["x"].tolist()]
    centroids = [[Fraction(v) for v in row] for row in case["init"].tolist()]
    for _ in range(case["iters"]):
        labels = [exact_nearest(p, centroids) for p in points]
        for j in range(len(centroids)):
            members = [p for p, label in zip(points, labels, strict=True) if label == j]
            if members:
                centroids[j] = [
                    sum(column, Fraction(0)) / len(members) for column in zip(*members, strict=True)
                ]
    return centroids, [exact_nearest(p, centroids) for p in points]


def assert_exact(case: dict[str, Any]) -> None:
    got_centroids, got_labels = reference_answer(PROBLEM, case)
    centroids, labels = exact_lloyd(case)
    assert got_centroids.shape == case["init"].shape and got_centroids.dtype == numpy.float64
    assert got_labels.shape == (len(case["x"]),) and got_labels.dtype.kind == "i"
    for got_row, row in zip(got_centroids.tolist(), centroids, strict=True):
        for got, exact in zip(got_row, row, strict=True):
            assert abs(Fraction(got) - exact) <= PRECISION * (1 + abs(exact)), (got, exact)
    points = [[Fraction(v) for v in row] for row in case["x"].tolist()]
    for i, (got, exact) in enumerate(zip(got_labels.tolist(), labels, strict=True)):
        if got != exact:  # only a tie within rounding, in the returned labels, may differ
            gap = exact_distance(points[i], centroids[got]) - exact_distance(
                points[i], centroids[exact]
            )
            assert gap <= Fraction(properties.TIE), (i, got, exact, float(gap))
    as_floats = (numpy.array([[float(v) for v in row] for row in centroids]), labels)
    assert check(PROBLEM, case, as_floats).ok


@settings(max_examples=100, deadline=None)
@given(properties.cases())
def test_reference_is_exact_lloyd_on_generated_cases(case: dict[str, Any]) -> None:
    x, init, iters = case["x"], case["init"], case["iters"]
    assert x.dtype == init.dtype == numpy.float64 and x.shape[1] == init.shape[1]
    assert 1 <= len(init) <= properties.MAX_K and 1 <= x.shape[1] <= properties.MAX_D
    assert 0 <= iters <= properties.MAX_ITERS
    assert numpy.all(numpy.abs(x) <= properties.MAX_VALUE)
    assert numpy.all(numpy.abs(init) <= properties.MAX_VALUE)
    assert properties.settled_iters(x, init, iters) == iters
    assert_exact(case)


def test_examples_are_exact_and_accepted() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        centroids, _ = exact_lloyd(case)
        assert numpy.allclose(
            example.output[0], [[float(v) for v in row] for row in centroids], rtol=1e-15
        )
        assert check(PROBLEM, case, example.output).ok


def test_edges_are_exact() -> None:
    """No points; one point; more centroids than points; a duplicated centroid that stays
    empty while its twin moves; a far centroid; all points equal."""
    edges = [
        ([], [[1.0, 2.0]], 3),
        ([[5.0]], [[0.0], [10.0]], 2),
        ([[1.0, 1.0], [3.0, 1.0]], [[0.0, 0.0], [2.0, 0.0], [9.0, 9.0]], 4),
        ([[0.0], [1.0], [4.0], [5.0]], [[2.0], [2.0], [3.0]], 3),
        ([[7.0, -7.0]] * 5, [[-1000.0, 1000.0], [7.0, -7.0]], 1),
    ]
    for x, init, iters in edges:
        case = properties.from_example({"x": x, "init": init, "iters": iters})
        assert properties.settled_iters(case["x"], case["init"], iters) == iters
        assert_exact(case)
    duplicated = properties.from_example(
        {"x": [[0.0], [1.0], [4.0], [5.0]], "init": [[2.0], [2.0], [3.0]], "iters": 3}
    )
    centroids, _ = reference_answer(PROBLEM, duplicated)
    assert centroids.tolist() == [[0.5], [2.0], [4.5]]  # the second 2.0 never gets a point


def lloyd_by_loops(case: dict[str, Any]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Lloyd's algorithm with the accurate distance formula and per-cluster means."""
    x, centroids = case["x"], case["init"].copy()
    for _ in range(case["iters"]):
        labels = properties.squared_distances(x, centroids).argmin(axis=1)
        for j in range(len(centroids)):
            if numpy.any(labels == j):
                centroids[j] = x[labels == j].mean(axis=0)
    return centroids, properties.squared_distances(x, centroids).argmin(axis=1)


def test_stress_cases_are_full_size_unambiguous_and_right() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert len(cases) == 2
    shapes = [(len(case["x"]), len(case["init"]), case["x"].shape[1]) for case in cases]
    assert shapes == [(properties.MAX_N, 5, 2), (31250, properties.MAX_K, properties.MAX_D)]
    for case, (n, k, d) in zip(cases, shapes, strict=True):
        assert n * k * d == properties.MAX_WORK and case["iters"] == properties.MAX_ITERS
        assert numpy.all(numpy.abs(case["x"]) <= properties.MAX_VALUE)
        assert properties.settled_iters(case["x"], case["init"], case["iters"]) == case["iters"]
        centroids, labels = reference_answer(PROBLEM, case)
        assert len(set(labels.tolist())) == k - 1  # the far centroid stays empty
        assert centroids[-1].tolist() == [properties.MAX_VALUE] * d
        assert check(PROBLEM, case, lloyd_by_loops(case)).ok


def test_checker_accepts_other_right_answers() -> None:
    tie = properties.from_example(dict(PROBLEM.examples[1].input))  # 2.0 between 1.0 and 3.0
    centroids = numpy.array([[1.0], [3.0]])
    assert check(PROBLEM, tie, (centroids, numpy.array([0, 1, 1]))).ok  # the other tied label
    assert check(PROBLEM, tie, [centroids.tolist(), [0, 0, 1]]).ok  # lists
    assert check(PROBLEM, tie, (centroids, numpy.array([0, 0, 1], dtype=numpy.int32))).ok
    assert check(PROBLEM, tie, (centroids, numpy.array([0, 0, 1], dtype=numpy.uint8))).ok
    assert check(PROBLEM, tie, (centroids + 5e-10, numpy.array([0, 0, 1]))).ok  # within 1e-9
    empty = properties.from_example({"x": [], "init": [[1.0, 2.0]], "iters": 2})
    assert check(PROBLEM, empty, ([[1.0, 2.0]], [])).ok
    assert check(PROBLEM, empty, (numpy.array([[1.0, 2.0]]), numpy.zeros(0, dtype=numpy.int64))).ok


def test_checker_rejects_wrong_answers_with_a_reason() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    centroids, labels = reference_answer(PROBLEM, case)
    wrong = {
        "None": None,
        "text": "centroids",
        "one array": centroids,
        "three items": (centroids, labels, labels),
        "centroids None": (None, labels),
        "centroids transposed": (centroids.T, labels),
        "centroids NaN": (numpy.full_like(centroids, numpy.nan), labels),
        "centroids off": (centroids + 1e-3, labels),
        "labels None": (centroids, None),
        "labels float": (centroids, labels.astype(numpy.float64)),
        "labels bool": (centroids, labels.astype(bool)),
        "labels 2-D": (centroids, labels[None, :]),
        "labels short": (centroids, labels[:-1]),
        "labels list of floats": (centroids, [float(v) for v in labels]),
        "labels list of bools": (centroids, [bool(v) for v in labels]),
        "labels too short a list": (centroids, labels.tolist()[:-1]),
        "label too large": (centroids, numpy.array([0, 0, 0, 1, 1, 2])),
        "label negative": (centroids, [0, 0, 0, 1, 1, -1]),
        "label not the nearest": (centroids, numpy.array([0, 0, 1, 1, 1, 1])),
        "labels text": (centroids, "000111"),
    }
    for name, answer in wrong.items():
        verdict = check(PROBLEM, case, answer)
        assert not verdict.ok and verdict.message, name

"""The cosine top-k reference against exact rational scores, the stress case against its
promises, and the custom checker against answers of every shape.

The oracle turns every vector into integers (a float is an integer over a power of two:
`as_integer_ratio`), so each dot product and squared norm is an exact integer, and the
signed square of a cosine, dot·|dot| / (‖u‖²·‖v‖²), an exact fraction; it ranks the corpus
by that (which orders as the cosine does) with ties to the lower index, in decimal
arithmetic of 300 digits (enough to separate any two different fractions here), and rounds
only the final square root. It shares nothing with the reference (unit rows in float64, a
matrix product, `numpy.partition`)."""

from __future__ import annotations

import decimal
import random
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-12
"""How close the reference's scores must be to the exact cosines: far inside the judge's
tolerance (1e-9)."""

DIGITS = decimal.Context(prec=300)


def integers(vector: list[float]) -> list[int]:
    """The vector times the least power of two that makes every component an integer."""
    ratios = [value.as_integer_ratio() for value in vector]
    scale = max(denominator for _, denominator in ratios)
    return [numerator * (scale // denominator) for numerator, denominator in ratios]


def exact_ranking(
    query: list[float], corpus: list[list[float]]
) -> list[tuple[decimal.Decimal, int]]:
    """(signed square of the cosine, index) for every row, best first, ties by index."""
    u = integers(query)
    uu = sum(a * a for a in u)
    ranked = []
    for j, row in enumerate(corpus):
        v = integers(row)
        vv = sum(b * b for b in v)
        dot = sum(a * b for a, b in zip(u, v, strict=True))
        signed = DIGITS.divide(dot * abs(dot), uu * vv) if uu and vv else decimal.Decimal(0)
        ranked.append((-signed, j))
    ranked.sort()
    return [(-key, j) for key, j in ranked]


def cosine(signed_square: decimal.Decimal) -> float:
    root = float(DIGITS.sqrt(abs(signed_square)))
    return -root if signed_square < 0 else root


def exact_answer(case: dict[str, Any]) -> tuple[numpy.ndarray, numpy.ndarray]:
    corpus, k = case["corpus"].tolist(), case["k"]
    rankings = [exact_ranking(query, corpus)[:k] for query in case["queries"].tolist()]
    indices = numpy.array([[j for _, j in ranking] for ranking in rankings], dtype=numpy.int64)
    scores = numpy.array([[cosine(s) for s, _ in ranking] for ranking in rankings])
    return indices.reshape(-1, k), scores.reshape(-1, k)


def assert_exact(case: dict[str, Any]) -> None:
    queries, corpus, k = case["queries"], case["corpus"], case["k"]
    indices, scores = reference_answer(PROBLEM, case)
    assert indices.shape == scores.shape == (len(queries), k)
    assert indices.dtype == numpy.int64 and scores.dtype == numpy.float64
    expected_indices, expected_scores = [], []
    for i, query in enumerate(queries.tolist()):
        ranking = exact_ranking(query, corpus.tolist())
        value = {j: s for s, j in ranking}
        assert len(set(indices[i].tolist())) == k
        for place, (j, score) in enumerate(
            zip(indices[i].tolist(), scores[i].tolist(), strict=True)
        ):
            best = cosine(ranking[place][0])
            assert abs(score - best) <= PRECISION, (i, place, score, best)
            assert abs(cosine(value[j]) - best) <= PRECISION, (i, place, j)
            if place and scores[i, place - 1] == score:  # equal floats: the lower index first
                assert indices[i, place - 1] < j
        expected_indices.append([j for _, j in ranking[:k]])
        expected_scores.append([cosine(s) for s, _ in ranking[:k]])
    oracle = (
        numpy.array(expected_indices).reshape(-1, k),
        numpy.array(expected_scores).reshape(-1, k),
    )
    assert check(PROBLEM, case, oracle).ok


@settings(max_examples=100, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    queries, corpus, k = case["queries"], case["corpus"], case["k"]
    assert queries.dtype == corpus.dtype == numpy.float64 and queries.shape[1] == corpus.shape[1]
    assert len(queries) <= properties.MAX_Q and 1 <= k <= min(len(corpus), properties.MAX_K)
    for values in (queries, corpus):
        magnitudes = numpy.abs(values[values != 0])
        assert numpy.all((magnitudes >= properties.SMALLEST) & (magnitudes <= properties.LARGEST))
    assert_exact(case)


def test_examples_are_exact_and_accepted() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        indices, scores = exact_answer(case)
        assert indices.tolist() == example.output[0]
        assert numpy.allclose(scores, example.output[1], rtol=0, atol=2e-16)  # an ulp
        assert check(PROBLEM, case, example.output).ok


def test_edges_are_exact() -> None:
    """No queries; k = n; a zero query; a zero row above all the negative scores; equal
    and parallel rows; the smallest and largest magnitudes."""
    edges = [
        {"queries": numpy.zeros((0, 3)), "corpus": numpy.ones((4, 3)), "k": 2},
        {"queries": [[1.0, 2.0]], "corpus": [[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]], "k": 3},
        {"queries": [[0.0, 0.0]], "corpus": [[1.0, 0.0], [0.0, 1.0], [3.0, 3.0]], "k": 2},
        {"queries": [[1.0, 1.0]], "corpus": [[-1.0, 0.0], [0.0, 0.0], [0.0, -2.0]], "k": 2},
        {
            "queries": [[1.0, 0.5]],
            "corpus": [[2.0, 1.0], [4.0, 2.0], [2.0, 1.0], [1.0, 0.0]],
            "k": 3,
        },
        {"queries": [[1e-3, 1e3]], "corpus": [[1e3, -1e-3], [1e-3, 1e3], [-1e3, -1e3]], "k": 2},
    ]
    for edge in edges:
        assert_exact(properties.from_example(edge))
    indices, scores = reference_answer(PROBLEM, properties.from_example(edges[3]))
    assert indices.tolist() == [[1, 0]] and scores[0, 0] == 0.0  # the zero row beats -0.707


def test_stress_case_is_full_size_and_right() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    queries, corpus, k = case["queries"], case["corpus"], case["k"]
    assert queries.shape == (properties.MAX_Q, properties.MAX_D)
    assert corpus.shape == (properties.MAX_N, properties.MAX_D) and k == properties.MAX_K
    assert numpy.all(corpus[::1000] == 0) and numpy.array_equal(corpus[997], corpus[996])
    for values in (queries, corpus):
        magnitudes = numpy.abs(values[values != 0])
        assert numpy.all((magnitudes >= properties.SMALLEST) & (magnitudes <= properties.LARGEST))
    full_matrix_mib = queries.shape[0] * corpus.shape[0] * 8 / 2**20
    inputs_mib = (queries.nbytes + corpus.nbytes) / 2**20
    assert full_matrix_mib + inputs_mib + 30 > PROBLEM.limits.memory_mib  # numpy's ~30 MiB
    some = {**case, "queries": queries[::16]}  # 8 queries, by a full stable sort
    units = corpus / numpy.maximum(numpy.linalg.norm(corpus, axis=1, keepdims=True), 1e-300)
    found = units @ (some["queries"] / numpy.linalg.norm(some["queries"], axis=1, keepdims=True)).T
    order = numpy.argsort(-found.T, axis=1, kind="stable")[:, :k]
    answer = (order, numpy.take_along_axis(found.T, order, axis=1))
    assert check(PROBLEM, some, answer).ok


def test_checker_accepts_other_right_answers() -> None:
    first, ties = (properties.from_example(dict(example.input)) for example in PROBLEM.examples)
    root = 0.5**0.5
    assert check(PROBLEM, ties, ([[2, 1], [1, 2]], [[root, root], [root, root]])).ok  # tie order
    assert check(
        PROBLEM, first, (numpy.array([[3, 1, 0]], dtype=numpy.int32), [[1.0, 0.6, 0.0]])
    ).ok
    zero = properties.from_example({"queries": [[0.0, 0.0]], "corpus": [[1.0, 2.0]] * 5, "k": 2})
    assert check(PROBLEM, zero, ([[4, 2]], [[0.0, 0.0]])).ok  # any two rows: every score is 0
    empty = properties.from_example(
        {"queries": numpy.zeros((0, 2)), "corpus": [[1.0, 0.0]], "k": 1}
    )
    assert check(PROBLEM, empty, ([], [])).ok
    assert check(PROBLEM, empty, (numpy.zeros((0, 1), dtype=numpy.int64), numpy.zeros((0, 1)))).ok


def test_checker_rejects_wrong_answers_with_a_reason() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    indices, scores = numpy.array([[3, 1, 0]]), numpy.array([[1.0, 0.6, 0.0]])
    wrong = {
        "None": None,
        "one array": indices,
        "three items": (indices, scores, scores),
        "scores None": (indices, None),
        "scores ascending": (indices[:, ::-1], scores[:, ::-1]),
        "scores NaN": (indices, numpy.full((1, 3), numpy.nan)),
        "scores flat": (indices, scores[0]),
        "scores float32-rounded": (indices, scores.astype(numpy.float32)),
        "indices None": (None, scores),
        "indices float": (indices.astype(numpy.float64), scores),
        "indices bool": (indices.astype(bool), scores),
        "indices text": ("310", scores),
        "indices ragged": ([[3, 1], [0]], scores),
        "indices flat": (indices[0], scores),
        "indices out of range": ([[3, 1, 4]], scores),
        "indices negative": ([[3, 1, -4]], scores),
        "indices repeated": ([[3, 3, 0]], [[1.0, 1.0, 0.0]]),
        "index not holding its score": ([[3, 1, 2]], scores),
        "indices swapped, scores not": ([[1, 3, 0]], scores),
    }
    for name, answer in wrong.items():
        verdict = check(PROBLEM, case, answer)
        assert not verdict.ok and verdict.message, name

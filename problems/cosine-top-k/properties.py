"""Cosine top-k: small cases with zero vectors, duplicate and parallel rows (ties), negative
scores and k up to n; corpora of up to 3000 rows; stress at q = 128 queries against
n = 10^5; the checker (scores within tolerance, each index holding its score, any order
among equal scores)."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.authoring import Check, CheckContext, Tolerance, float_mismatch

MAX_Q, MAX_N, MAX_D, MAX_K = 128, 10**5, 8, 50
SMALLEST, LARGEST = 1e-3, 1e3
"""Every component is 0 or has a magnitude in [SMALLEST, LARGEST]: squares neither underflow
nor overflow, so the textbook norm is accurate."""


def cosines(queries: numpy.ndarray, vectors: numpy.ndarray) -> numpy.ndarray:
    """(q, m) cosines of queries[i] and vectors[i, j] (vectors has shape (q, m, d)), 0.0
    where either vector is zero: dot / (norm · norm), each in one accurate step."""
    dots = numpy.einsum("id,ijd->ij", queries, vectors)
    norms = numpy.linalg.norm(queries, axis=1)[:, None] * numpy.linalg.norm(vectors, axis=2)
    return numpy.divide(dots, norms, out=numpy.zeros_like(dots), where=norms > 0)


ELEMENTS = (
    st.integers(-3, 3).map(float)
    | st.sampled_from([SMALLEST, -SMALLEST, LARGEST, -LARGEST, 0.5, 2.5])
    | st.floats(SMALLEST, LARGEST).map(lambda v: round(v, 3))
    | st.floats(-LARGEST, -SMALLEST).map(lambda v: round(v, 3))
)
"""Small integers most often (zeros, equal and parallel rows: ties), the extremes of the
range, and values with three decimals (never below SMALLEST in magnitude but for 0)."""


@st.composite
def _small(draw: st.DrawFn) -> dict[str, Any]:
    """q from 0 to 4 queries, n from 1 to 10 corpus rows, d from 1 to 4, k from 1 to n;
    zero rows, repeated rows and rows scaled by a positive factor (equal scores), zero
    queries (every score 0.0), and a query of signs against most of the corpus (negative
    scores, which a zero row's 0.0 beats)."""
    d = draw(st.integers(1, 4))
    n = draw(st.integers(1, 10))
    q = draw(st.integers(0, 4))
    queries = draw(hnp.arrays(numpy.float64, (q, d), elements=ELEMENTS))
    corpus = draw(hnp.arrays(numpy.float64, (n, d), elements=ELEMENTS))
    if n > 1 and draw(st.booleans()):  # a parallel row (a tie), scaled within the range
        scaled = draw(st.sampled_from([2.0, 0.5])) * corpus[0]
        magnitudes = numpy.abs(scaled[scaled != 0])
        inside = numpy.all((magnitudes >= SMALLEST) & (magnitudes <= LARGEST))
        corpus[-1] = scaled if inside else corpus[0]
    if draw(st.booleans()):
        corpus[draw(st.integers(0, n - 1))] = 0.0  # a zero row: scores 0.0
    if q and draw(st.booleans()):
        queries[0] = -numpy.sign(corpus.sum(axis=0))  # against most of the corpus
    if q and draw(st.booleans()):
        queries[-1] = 0.0  # a zero query: every score 0.0
    return {"queries": queries, "corpus": corpus, "k": draw(st.integers(1, n) | st.just(n))}


@st.composite
def _long_corpus(draw: st.DrawFn) -> dict[str, Any]:
    """One query against up to 3000 rows: a few small-integer rows repeated throughout
    (many equal scores), a few others planted anywhere, and often a row pointing exactly
    along the query (the one best row) at the end, past any block of the first rows;
    k up to 50. Shrinks towards fewer rows: a failure that needs the best row past row
    1024 shows 1025 rows."""
    d = draw(st.integers(1, 3))
    n = draw(st.integers(1, 3000) | st.integers(1025, 3000))
    rows = hnp.arrays(numpy.float64, d, elements=st.integers(-3, 3).map(float))
    background = numpy.array(draw(st.lists(rows, min_size=1, max_size=3)))
    corpus = numpy.resize(background, (n, d))
    for _ in range(draw(st.integers(0, 3))):
        corpus[draw(st.integers(0, n - 1))] = draw(rows)
    query = draw(hnp.arrays(numpy.float64, (1, d), elements=st.integers(-3, 3).map(float)))
    if draw(st.booleans()):
        corpus[draw(st.just(n - 1) | st.integers(0, n - 1))] = 2.0 * query[0]
    return {"queries": query, "corpus": corpus, "k": draw(st.integers(1, min(n, MAX_K)))}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Mostly small cases (`_small`: up to 4 queries, 10 rows, 4 dimensions), and single
    queries against up to 3000 rows (`_long_corpus`). Shrinks towards no query, one corpus
    row of zeros in one dimension and k = 1."""
    return _small() | _small() | _long_corpus()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "queries": numpy.asarray(values["queries"], dtype=numpy.float64),
        "corpus": numpy.asarray(values["corpus"], dtype=numpy.float64),
        "k": int(values["k"]),
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """q = 128 Gaussian queries against n = 10^5 Gaussian rows in d = 8 (three decimals),
    k = 50, with every 1000th row zero and every 997th a copy of the row before (ties).
    All q × n scores at once are 102 MB: with numpy's own ~30 MiB, over the limit."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    corpus = numpy.round(generator.standard_normal((MAX_N, MAX_D)), 3)
    corpus[::1000] = 0.0
    corpus[997::997] = corpus[996::997][: len(corpus[997::997])]
    queries = numpy.round(generator.standard_normal((MAX_Q, MAX_D)), 3)
    return [{"queries": queries, "corpus": corpus, "k": MAX_K}]


def _indices_mismatch(
    case: dict[str, Any], expected: numpy.ndarray, got: Any, tolerance: Tolerance
) -> str | None:
    """Why `got` is not k distinct corpus indices per query whose scores are the expected
    ones, best first (any order among equal scores), or None."""
    queries, corpus = case["queries"], case["corpus"]
    shape = expected.shape
    try:
        indices = numpy.asarray(got)
    except (TypeError, ValueError):
        return "expected an array of integers, got rows of different lengths"
    if indices.size == 0 and expected.size == 0:
        return None
    if indices.dtype.kind not in "iu":
        return f"expected an array of integers, got {type(got).__name__} of {indices.dtype}"
    if indices.shape != shape:
        return f"expected shape {shape}, got shape {indices.shape}"
    outside = numpy.argwhere((indices < 0) | (indices >= len(corpus)))
    if len(outside):
        i, j = (int(v) for v in outside[0])
        return f"[{i}][{j}] = {indices[i, j]} is not a row of the corpus (0 to {len(corpus) - 1})"
    for i, row in enumerate(indices.tolist()):
        if len(set(row)) < len(row):
            return f"row {i} names a corpus row twice: {row}"
    held = cosines(queries, corpus[indices])
    reason = float_mismatch(expected, held, tolerance)
    if reason is None:
        return None
    allowed = tolerance.abs + tolerance.rel * numpy.abs(expected)
    wrong = numpy.argwhere(numpy.abs(held - expected) > allowed)
    i, j = (int(v) for v in wrong[0])
    return (
        f"[{i}][{j}] = {indices[i, j]}, whose score with query {i} is {float(held[i, j])!r}, "
        f"but the score in place {j} of the best is {float(expected[i, j])!r}"
    )


def check(context: CheckContext) -> Check:
    """Scores within the tolerance of the reference's; indices distinct, in range, each
    holding (by its own cosine) the score of its place."""
    got = context.got
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        shown = type(got).__name__ if not isinstance(got, (tuple, list)) else f"{len(got)} items"
        return Check.reject(f"expected a pair (indices, scores), got {shown}")
    expected = numpy.asarray(context.expected[1], dtype=numpy.float64)
    reason = float_mismatch(expected, got[1], context.tolerance)
    if reason is not None:
        return Check.reject(f"scores: {reason}")
    with numpy.errstate(all="ignore"):
        reason = _indices_mismatch(context.case, expected, got[0], context.tolerance)
    return Check.unless(None if reason is None else f"indices: {reason}")

"""Reference solution: unit rows, then one query at a time.

Each query's scores against the whole corpus are one matrix-vector product (n scores,
0.8 MB at n = 10^5, where all q × n scores at once would be 102 MB). The k-th largest
score comes from `numpy.partition` in O(n); the rows scoring at least that much, in index
order, are sorted by score with a stable sort, so equal scores keep the lower index first,
at the cut too. A zero vector has no direction: its unit row stays zero, so it scores 0.0
with everything.
"""

import numpy


def cosine_top_k(
    queries: numpy.ndarray, corpus: numpy.ndarray, k: int
) -> tuple[numpy.ndarray, numpy.ndarray]:
    units = _unit_rows(corpus)
    indices = numpy.empty((len(queries), k), dtype=numpy.int64)
    scores = numpy.empty((len(queries), k))
    for i, query in enumerate(_unit_rows(queries)):
        row = units @ query
        threshold = numpy.partition(row, len(row) - k)[len(row) - k]
        candidates = numpy.flatnonzero(row >= threshold)
        best = candidates[numpy.argsort(-row[candidates], kind="stable")[:k]]
        indices[i], scores[i] = best, row[best]
    return indices, scores


def _unit_rows(a: numpy.ndarray) -> numpy.ndarray:
    norms = numpy.sqrt((a * a).sum(axis=1, keepdims=True))
    return numpy.divide(a, norms, out=numpy.zeros_like(a), where=norms > 0)

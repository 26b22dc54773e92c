"""Reference solution: normalise rows (zero rows stay zero), then one batched matmul."""

import numpy


def pairwise_similarity(x: numpy.ndarray, y: numpy.ndarray) -> numpy.ndarray:
    def unit_rows(a: numpy.ndarray) -> numpy.ndarray:
        norms = numpy.linalg.norm(a, axis=-1, keepdims=True)
        return numpy.divide(a, norms, out=numpy.zeros_like(a), where=norms > 0)

    return numpy.matmul(unit_rows(x), numpy.swapaxes(unit_rows(y), -1, -2))

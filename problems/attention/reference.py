"""Reference solution: batched scores, a masked softmax that subtracts each row's largest
allowed score, then one batched product with the values.

Masked-out scores never enter the softmax: the row maximum is taken over allowed scores
only (`where=`, starting from -inf), exp is evaluated only where allowed, and a row with no
allowed key (fully masked, or no keys at all) sums to 0 and stays all zeros.
"""

import numpy


def attention(
    q: numpy.ndarray, k: numpy.ndarray, v: numpy.ndarray, mask: numpy.ndarray | None
) -> numpy.ndarray:
    scores = numpy.matmul(q, numpy.swapaxes(k, -1, -2)) / numpy.sqrt(q.shape[-1])
    allowed = numpy.broadcast_to(True if mask is None else mask, scores.shape)
    top = numpy.max(scores, axis=-1, keepdims=True, where=allowed, initial=-numpy.inf)
    weights = numpy.exp(scores - top, where=allowed, out=numpy.zeros_like(scores))
    total = numpy.sum(weights, axis=-1, keepdims=True)
    numpy.divide(weights, total, where=total > 0, out=weights)
    return numpy.matmul(weights, v)

"""Reference solution: project once, split the model width into heads, attend in one
batched product per step, merge the heads back and project out.

Heads are split by reshaping the projection (B, L, D) to (B, L, H, D/H), so head h owns
columns h·D/H up to (h + 1)·D/H, and moving the head axis in front of the sequence axis;
merging undoes both steps in reverse order. The softmax subtracts each row's largest
allowed score; with causal=True every query may attend at least itself, so no row is empty.
"""

import numpy


def multi_head_attention(
    x: numpy.ndarray,
    w_q: numpy.ndarray,
    w_k: numpy.ndarray,
    w_v: numpy.ndarray,
    w_o: numpy.ndarray,
    n_heads: int,
    causal: bool,
) -> numpy.ndarray:
    batch, length, width = x.shape
    head_width = width // n_heads

    def split(w: numpy.ndarray) -> numpy.ndarray:
        return numpy.matmul(x, w).reshape(batch, length, n_heads, head_width).swapaxes(1, 2)

    q, k, v = split(w_q), split(w_k), split(w_v)
    scores = numpy.matmul(q, k.swapaxes(2, 3)) / numpy.sqrt(head_width)
    if causal:
        scores[..., numpy.triu(numpy.ones((length, length), dtype=bool), 1)] = -numpy.inf
    weights = numpy.exp(scores - numpy.max(scores, axis=-1, keepdims=True))
    weights /= numpy.sum(weights, axis=-1, keepdims=True)
    merged = numpy.matmul(weights, v).swapaxes(1, 2).reshape(batch, length, width)
    return numpy.matmul(merged, w_o)

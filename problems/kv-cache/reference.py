"""Reference solution: keep every head's keys and values so far; each step projects only
the new token, writes its key and value into the cache, and attends with its query over
the cache.

The cache holds keys and values together, shape (2, B, H, capacity, dh), of which the
first `length` positions are filled; when it is full its capacity doubles, so extending it
costs O(1) amortised per step. A step costs O(D²) for the projections plus O(t·D) to attend
over t cached tokens, never the O(t·D²) of projecting the prefix again.
"""

import numpy


class CachedAttention:
    def __init__(
        self,
        w_q: numpy.ndarray,
        w_k: numpy.ndarray,
        w_v: numpy.ndarray,
        w_o: numpy.ndarray,
        n_heads: int,
    ) -> None:
        self.w_qkv, self.w_o, self.n_heads = numpy.stack([w_q, w_k, w_v]), w_o, n_heads
        self.cache: numpy.ndarray | None = None  # made at the first step, when B is known
        self.length = 0

    def step(self, x_t: numpy.ndarray) -> numpy.ndarray:
        # (3, B, H, dh): query, key and value of each head; head h owns columns h·dh … (h+1)·dh − 1
        query, *key_value = numpy.matmul(x_t, self.w_qkv).reshape(3, len(x_t), self.n_heads, -1)
        if self.cache is None:
            self.cache = numpy.zeros((2, *query.shape[:2], 1, query.shape[2]))
        elif self.length == self.cache.shape[3]:  # full: double the capacity
            self.cache = numpy.concatenate([self.cache, numpy.zeros_like(self.cache)], axis=3)
        self.cache[:, :, :, self.length] = key_value
        self.length += 1
        keys, values = self.cache[:, :, :, : self.length]
        scores = numpy.matmul(query[:, :, numpy.newaxis], keys.swapaxes(2, 3))
        scores /= numpy.sqrt(query.shape[2])
        weights = numpy.exp(scores - numpy.max(scores, axis=-1, keepdims=True))
        weights /= numpy.sum(weights, axis=-1, keepdims=True)
        return numpy.matmul(numpy.matmul(weights, values).reshape(x_t.shape), self.w_o)

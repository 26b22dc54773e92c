# Right answers, plain Python: a loop over every vector and every pair of it, with a cos and
# a sin each (2^20 pairs on the largest input).
import math

import numpy as np


def rope(x, positions, base=10000.0):
    length, d = x.shape[-2], x.shape[-1]
    vectors = x.reshape(int(np.prod(x.shape[:-2])), length, d)
    out = np.empty_like(vectors)
    for b in range(vectors.shape[0]):
        for j in range(length):
            p = int(positions[j])
            for i in range(d // 2):
                theta = p * base ** (-2 * i / d)
                c, s = math.cos(theta), math.sin(theta)
                v0, v1 = vectors[b, j, 2 * i], vectors[b, j, 2 * i + 1]
                out[b, j, 2 * i] = v0 * c - v1 * s
                out[b, j, 2 * i + 1] = v0 * s + v1 * c
    return out.reshape(x.shape)

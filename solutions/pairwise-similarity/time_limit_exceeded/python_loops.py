# Right answers, Python loops over every pair: about 2·10^6 pairs × 64 multiplications.
import math

import numpy as np


def pairwise_similarity(x, y):
    b, n, d = x.shape
    m = y.shape[1]
    out = np.zeros((b, n, m))
    xs, ys = x.tolist(), y.tolist()
    for k in range(b):
        for i in range(n):
            u = xs[k][i]
            nu = math.sqrt(sum(a * a for a in u))
            for j in range(m):
                v = ys[k][j]
                nv = math.sqrt(sum(c * c for c in v))
                if nu and nv:
                    out[k, i, j] = sum(a * c for a, c in zip(u, v)) / (nu * nv)
    return out

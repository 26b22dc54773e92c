# Right answers, plain Python loops over every value, indexing the arrays directly
# (three passes over 2^20 values, each an ndarray lookup).
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    d = x.shape[-1]
    rows = x.reshape(-1, d)
    out = np.empty_like(rows)
    for i in range(rows.shape[0]):
        mean = 0.0
        for j in range(d):
            mean += rows[i, j]
        mean /= d
        var = 0.0
        for j in range(d):
            var += (rows[i, j] - mean) ** 2
        std = (var / d + eps) ** 0.5
        for j in range(d):
            out[i, j] = (rows[i, j] - mean) / std * gamma[j] + beta[j]
    return out.reshape(x.shape)

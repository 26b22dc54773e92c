# LeetCode style: a Solution class. Rows flattened to 2-D, sums by einsum (a plain
# sequential sum, no pairwise summation), the reciprocal standard deviation once per row.
import numpy as np


class Solution:
    def layer_norm(self, x, gamma, beta, eps=1e-5):
        d = x.shape[-1]
        rows = x.reshape(-1, d)
        centred = rows - np.einsum("nd->n", rows)[:, None] / d
        inv_std = 1.0 / np.sqrt(np.einsum("nd,nd->n", centred, centred) / d + eps)
        return (centred * inv_std[:, None] * gamma + beta).reshape(x.shape)

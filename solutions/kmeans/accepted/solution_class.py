# LeetCode style, returning lists: distances by ||x||^2 - 2 x.c + ||c||^2 (one matrix
# product), cluster sums by a one-hot matrix product.
import numpy as np


class Solution:
    def kmeans(self, x, init, iters):
        c = init.astype(np.float64)
        k = c.shape[0]
        x_sq = (x * x).sum(axis=1, keepdims=True)

        def nearest(c):
            return np.argmin(x_sq - 2.0 * x @ c.T + (c * c).sum(axis=1), axis=1)

        for _ in range(iters):
            onehot = (nearest(c)[:, None] == np.arange(k)).astype(np.float64)
            counts = onehot.sum(axis=0)
            sums = onehot.T @ x
            c = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1.0)[:, None], c)
        return c.tolist(), nearest(c).tolist()

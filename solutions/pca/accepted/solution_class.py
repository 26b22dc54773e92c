# LeetCode style, returning lists: numpy.cov (two-pass, ddof = 1) and eigh (symmetric:
# orthonormal eigenvectors, even for repeated eigenvalues), reversed to decreasing order.
import numpy as np


class Solution:
    def pca(self, x, k):
        cov = np.atleast_2d(np.cov(x, rowvar=False))
        values, vectors = np.linalg.eigh(cov)
        order = np.argsort(values)[::-1][:k]
        return vectors[:, order].T.tolist(), values[order].tolist()

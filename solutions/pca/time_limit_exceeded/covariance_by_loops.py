# Right answers, but the covariance by loops over single numbers: n·d² = 5·10^7
# multiplications at full size, each a Python-level step.
import numpy as np


def pca(x, k):
    n, d = x.shape
    mean = x.mean(axis=0)
    cov = np.zeros((d, d))
    for i in range(d):
        for j in range(i, d):
            total = 0.0
            for r in range(n):
                total += (x[r, i] - mean[i]) * (x[r, j] - mean[j])
            cov[i, j] = cov[j, i] = total / (n - 1)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order].T, values[order]

# Bug: the one-pass covariance (sum of x·xᵀ minus n·mean·meanᵀ): right in exact arithmetic,
# but with points around 10^6 it subtracts two numbers near 10^12 and loses the spread.
# Passes every sample (small values).
import numpy as np


def pca(x, k):
    n = len(x)
    mean = x.mean(axis=0)
    cov = (x.T @ x - n * np.outer(mean, mean)) / (n - 1)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order].T, values[order]

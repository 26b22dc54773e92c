# Bug: counts steps from 1 (`range(1, iters)`), so it runs one step fewer than asked.
# Passes every sample (the first has converged a step early; the second runs none).
import numpy as np


def kmeans(x, init, iters):
    centroids = init.copy()
    k = len(init)

    def assign(c):
        return ((x[:, None, :] - c[None]) ** 2).sum(axis=2).argmin(axis=1)

    for _ in range(1, iters):
        labels = assign(centroids)
        for j in range(k):
            if np.any(labels == j):
                centroids[j] = x[labels == j].mean(axis=0)
    return centroids, assign(centroids)

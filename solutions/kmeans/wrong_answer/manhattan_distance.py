# Bug: nearest by the sum of absolute differences (L1) instead of the Euclidean distance.
# In one dimension they agree, and on the samples too; in the plane they can disagree.
import numpy as np


def kmeans(x, init, iters):
    centroids = init.copy()
    k = len(init)

    def assign(c):
        return np.abs(x[:, None, :] - c[None]).sum(axis=2).argmin(axis=1)

    for _ in range(iters):
        labels = assign(centroids)
        for j in range(k):
            if np.any(labels == j):
                centroids[j] = x[labels == j].mean(axis=0)
    return centroids, assign(centroids)

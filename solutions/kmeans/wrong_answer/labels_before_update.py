# Bug: returns the labels of the last assignment, made before the last update, instead of
# the labels of the returned centroids. Passes every sample (there the last update moves no
# point to another cluster).
import numpy as np


def kmeans(x, init, iters):
    centroids = init.copy()
    k = len(init)

    def assign(c):
        return ((x[:, None, :] - c[None]) ** 2).sum(axis=2).argmin(axis=1)

    labels = assign(centroids)
    for _ in range(iters):
        labels = assign(centroids)
        for j in range(k):
            if np.any(labels == j):
                centroids[j] = x[labels == j].mean(axis=0)
    return centroids, labels

# Broadcasting: the (n, k, d) differences at once, argmin over k, then np.add.at for the
# cluster sums. An empty cluster keeps its centroid.
import numpy as np


def kmeans(x, init, iters):
    centroids = np.array(init, dtype=float)
    k = len(centroids)

    def assign(c):
        return ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)

    for _ in range(iters):
        labels = assign(centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, x)
        counts = np.bincount(labels, minlength=k)
        nonempty = counts > 0
        centroids[nonempty] = sums[nonempty] / counts[nonempty][:, None]
    return centroids, assign(centroids)

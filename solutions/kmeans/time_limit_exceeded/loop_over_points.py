# Right answers, but a Python loop over the points in every step: 10^5 points × 21
# assignments, each one numpy call of a few microseconds.
import numpy as np


def kmeans(x, init, iters):
    centroids = init.copy()
    n, k = len(x), len(init)

    def assign():
        labels = np.empty(n, dtype=np.int64)
        for i in range(n):
            labels[i] = np.argmin(((centroids - x[i]) ** 2).sum(axis=1))
        return labels

    for _ in range(iters):
        labels = assign()
        sums = np.zeros_like(centroids)
        counts = np.zeros(k)
        for i in range(n):
            sums[labels[i]] += x[i]
            counts[labels[i]] += 1
        for j in range(k):
            if counts[j]:
                centroids[j] = sums[j] / counts[j]
    return centroids, assign()

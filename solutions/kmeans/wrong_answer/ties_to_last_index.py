# Bug: `<=` when keeping the best centroid so far, so a tie goes to the higher index: with
# two coinciding centroids the wrong one moves. Passes every sample (their only tie is in
# the returned labels, where either index is accepted).
import numpy as np


def kmeans(x, init, iters):
    centroids = init.copy()
    n, k = len(x), len(init)

    def assign():
        best = np.full(n, np.inf)
        labels = np.zeros(n, dtype=np.int64)
        for j in range(k):
            dist = ((x - centroids[j]) ** 2).sum(axis=1)
            closer = dist <= best
            best[closer] = dist[closer]
            labels[closer] = j
        return labels

    for _ in range(iters):
        labels = assign()
        for j in range(k):
            if np.any(labels == j):
                centroids[j] = x[labels == j].mean(axis=0)
    return centroids, assign()

# Half-vectorised: Python loops over the k (at most 8) centroids, each a vectorised pass over
# all the points. Fast enough: the points are never looped over in Python.
import numpy as np


def kmeans(x, init, iters):
    centroids = init.copy()
    n, k = len(x), len(init)

    def assign():
        best = np.full(n, np.inf)
        labels = np.zeros(n, dtype=np.int64)
        for j in range(k):
            dist = ((x - centroids[j]) ** 2).sum(axis=1)
            closer = dist < best  # strict: a tie keeps the lower index
            best[closer] = dist[closer]
            labels[closer] = j
        return labels

    for _ in range(iters):
        labels = assign()
        for j in range(k):
            members = x[labels == j]
            if len(members):
                centroids[j] = members.mean(axis=0)
    return centroids, assign()

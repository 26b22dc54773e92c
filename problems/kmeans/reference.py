"""Reference solution: Lloyd's algorithm, vectorised over the points.

Each step assigns every point to its nearest centroid, then moves every centroid that has
points to their mean; an empty cluster keeps its centroid. The labels returned are those of
the final centroids: one more assignment after the last update (with `iters = 0`, of `init`).

Squared distances are ‖x‖² - 2·x·c + ‖c‖²; ‖x‖² is the same for every centroid, so the
nearest centroid minimises ‖c‖² - 2·x·c: one (n, d) × (d, k) product, no (n, k, d)
temporary. `numpy.argmin` takes the lowest index on ties. Sums per cluster come from
`numpy.bincount`, one coordinate at a time.
"""

import numpy


def kmeans(
    x: numpy.ndarray, init: numpy.ndarray, iters: int
) -> tuple[numpy.ndarray, numpy.ndarray]:
    centroids = init.copy()
    k = len(centroids)
    for _ in range(iters):
        labels = _nearest(x, centroids)
        counts = numpy.bincount(labels, minlength=k)
        sums = numpy.stack(
            [numpy.bincount(labels, weights=column, minlength=k) for column in x.T], axis=1
        )
        filled = counts > 0
        centroids[filled] = sums[filled] / counts[filled, None]
    return centroids, _nearest(x, centroids)


def _nearest(x: numpy.ndarray, centroids: numpy.ndarray) -> numpy.ndarray:
    scores = (centroids**2).sum(axis=1) - 2 * (x @ centroids.T)
    return numpy.argmin(scores, axis=1)

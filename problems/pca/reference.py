"""Reference solution: centre the columns, then the SVD of the centred data.

With centred = U·S·Vᵀ, the sample covariance centredᵀ·centred / (n - 1) is V·S²/(n - 1)·Vᵀ:
the rows of Vᵀ are the principal components and S²/(n - 1) their variances, both already
sorted by decreasing variance. The SVD never squares the data (an eigendecomposition of
the covariance would square its condition number).

The SVD is taken of R from centred = Q·R (Q has orthonormal columns, so R has the same
singular values and right singular vectors): R is at most d × d, so the n × d matrix U of
the plain SVD is never built.
"""

import numpy


def pca(x: numpy.ndarray, k: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    centred = x - x.mean(axis=0)
    _, singular, rows = numpy.linalg.svd(numpy.linalg.qr(centred, mode="r"))
    return rows[:k], singular[:k] ** 2 / (len(x) - 1)

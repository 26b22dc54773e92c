# Bug: numpy.linalg.eig (for general matrices) instead of eigh: for a repeated eigenvalue it
# returns some basis of its eigenspace, not an orthonormal one. Passes every sample (their
# repeated eigenvalue belongs to a multiple of the identity, where eig returns the axes).
import numpy as np


def pca(x, k):
    centred = x - x.mean(axis=0)
    values, vectors = np.linalg.eig(centred.T @ centred / (len(x) - 1))
    values, vectors = values.real, vectors.real
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order].T, values[order]

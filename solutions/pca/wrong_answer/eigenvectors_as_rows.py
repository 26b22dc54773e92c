# Bug: numpy.linalg.eigh returns eigenvectors as columns, but this takes rows. Passes every
# sample (there the eigenvector matrices are symmetric: rows and columns agree).
import numpy as np


def pca(x, k):
    centred = x - x.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(x) - 1))
    order = np.argsort(values)[::-1][:k]
    return vectors[order], values[order]

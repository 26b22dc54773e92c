# The SVD of the centred data, without the n × n matrix U (full_matrices=False):
# rows of Vt are the components, S² / (n - 1) the variances.
import numpy as np


def pca(x, k):
    centred = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    return vt[:k], s[:k] ** 2 / (len(x) - 1)

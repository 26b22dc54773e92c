# Bug: forgets to centre the data, so the first "component" points at the mean. Passes
# every sample (their points are centred already).
import numpy as np


def pca(x, k):
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    return vt[:k], s[:k] ** 2 / (len(x) - 1)

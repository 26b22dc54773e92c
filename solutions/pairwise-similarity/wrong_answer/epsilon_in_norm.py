# Bug: the common "add an epsilon" trick: dividing by (norm + 1e-12) is right for ordinary
# vectors, but a short one (norm of order 1e-12 and below) loses its length to the epsilon,
# so a parallel pair gets far less than 1.0. Passes every sample.
import numpy as np


def pairwise_similarity(x, y):
    xu = x / (np.linalg.norm(x, axis=-1, keepdims=True) + 1e-12)
    yu = y / (np.linalg.norm(y, axis=-1, keepdims=True) + 1e-12)
    return xu @ yu.transpose(0, 2, 1)

# Bug: divides by the norms without guarding zero rows: 0/0 gives NaN where 0.0 is required.
import numpy as np


def pairwise_similarity(x, y):
    with np.errstate(invalid="ignore", divide="ignore"):
        xu = x / np.linalg.norm(x, axis=-1, keepdims=True)
        yu = y / np.linalg.norm(y, axis=-1, keepdims=True)
    return xu @ yu.transpose(0, 2, 1)

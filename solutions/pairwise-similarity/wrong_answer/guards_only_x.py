# Bug: guards the zero rows of x (similarity 0.0) but divides y by its norms unguarded, so a
# zero vector in y gives NaN where 0.0 is required. Passes every sample: their only zero
# vector is in x.
import numpy as np


def pairwise_similarity(x, y):
    xn = np.linalg.norm(x, axis=-1, keepdims=True)
    xu = np.divide(x, xn, out=np.zeros_like(x), where=xn > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        yu = y / np.linalg.norm(y, axis=-1, keepdims=True)
    return xu @ yu.transpose(0, 2, 1)

# Crash: assumes n == m and reshapes accordingly; a ValueError whenever n != m.
import numpy as np


def pairwise_similarity(x, y):
    b, n, d = x.shape
    xn = np.linalg.norm(x, axis=-1, keepdims=True)
    yn = np.linalg.norm(y, axis=-1, keepdims=True)
    xu = np.divide(x, xn, out=np.zeros_like(x), where=xn > 0)
    yu = np.divide(y, yn, out=np.zeros_like(y), where=yn > 0)
    return np.einsum("bnd,bmd->bnm", xu, yu).reshape(b, n, n)

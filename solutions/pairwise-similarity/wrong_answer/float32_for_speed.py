# Bug: computes in float32 "for speed". Ordinary values lose only about 1e-7 of precision,
# within the tolerance, but large components overflow float32 (beyond about 3.4e38) and
# tiny ones underflow to zero. Passes every sample.
import numpy as np


def pairwise_similarity(x, y):
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    xn = np.linalg.norm(x, axis=-1, keepdims=True)
    yn = np.linalg.norm(y, axis=-1, keepdims=True)
    xu = np.divide(x, xn, out=np.zeros_like(x), where=xn > 0)
    yu = np.divide(y, yn, out=np.zeros_like(y), where=yn > 0)
    return (xu @ yu.transpose(0, 2, 1)).astype(np.float64)

# Bug: the textbook formula, dot(u, v) / (norm(u) * norm(v)) with norms as sqrt(sum(v**2)).
# Right for ordinary vectors, but a short vector such as (0, 5e-185) has sum(v**2) = 0.0
# (the squares underflow), so a parallel pair gets 0.0 instead of 1.0. The statement says a
# vector's direction does not depend on its length: scale rows before squaring.
# (Labelled accepted until the reference itself was made robust; it then failed.)
import numpy as np


def pairwise_similarity(x, y):
    dots = np.einsum("bnd,bmd->bnm", x, y)
    norms = np.linalg.norm(x, axis=2)[:, :, None] * np.linalg.norm(y, axis=2)[:, None, :]
    out = np.zeros_like(dots)
    np.divide(dots, norms, out=out, where=norms != 0)
    return out

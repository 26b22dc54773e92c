# Vectorised: norms once, one einsum for all dot products, zero norms masked.
import numpy as np


def pairwise_similarity(x, y):
    dots = np.einsum("bnd,bmd->bnm", x, y)
    norms = np.linalg.norm(x, axis=2)[:, :, None] * np.linalg.norm(y, axis=2)[:, None, :]
    out = np.zeros_like(dots)
    np.divide(dots, norms, out=out, where=norms != 0)
    return out

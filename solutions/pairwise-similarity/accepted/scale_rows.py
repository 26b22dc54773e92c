# Scale each row by its largest magnitude before normalising: the sum of squares is then in
# [1, d], so tiny rows (1e-200) keep their direction instead of underflowing to norm 0.
# Zero rows stay zero. Then one einsum for every dot product of unit rows.
import numpy as np


def pairwise_similarity(x, y):
    def unit(a):
        scale = np.abs(a).max(axis=-1, keepdims=True)
        a = np.divide(a, scale, out=np.zeros_like(a), where=scale > 0)
        norm = np.sqrt((a * a).sum(axis=-1, keepdims=True))
        return np.divide(a, norm, out=np.zeros_like(a), where=norm > 0)

    return np.einsum("bnd,bmd->bnm", unit(x), unit(y))

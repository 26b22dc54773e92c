# Bug: returns inf where q = 0 < p (right), then adds an epsilon to both vectors "to avoid
# log(0)" for the p = 0 terms. The epsilon is not negligible: a term with q near 1e-6 or
# below (p = 0.5, q = 1e-20: 0.5·log(0.5/1e-20) = 22.7) comes out far from its value.
import numpy as np


def kl_divergence(p, q):
    if np.any((p > 0) & (q == 0)):
        return float("inf")
    eps = 1e-10
    return float(np.sum(p * np.log((p + eps) / (q + eps))))

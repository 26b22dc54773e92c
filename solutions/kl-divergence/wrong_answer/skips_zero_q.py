# Bug: keeps only the entries where both p > 0 and q > 0, "to avoid log(0)". Finite
# everywhere, but where q = 0 < p the divergence is inf: p puts mass where q has none.
import numpy as np


def kl_divergence(p, q):
    keep = (p > 0) & (q > 0)
    return float(np.sum(p[keep] * (np.log(p[keep]) - np.log(q[keep]))))

# Bug: masks p = 0 and computes p·log(p/q), but the ratio overflows: for q = 1e-310 and
# p = 0.5, p/q is beyond the largest double (inf), though the term, 0.5·(log 0.5 -
# log 1e-310) = 356.6, is finite. log p - log q never forms the ratio.
import numpy as np


def kl_divergence(p, q):
    keep = p > 0
    with np.errstate(divide="ignore", over="ignore"):
        return float(np.sum(p[keep] * np.log(p[keep] / q[keep])))

# p·log(p/q) written with numpy.where so the p = 0 terms are 0 (both branches are computed,
# so the warnings are silenced); log p - log q instead of log(p/q), which would overflow
# for a tiny q. O(n).
import numpy as np


def kl_divergence(p, q):
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * (np.log(p) - np.log(q)), 0.0)
    return terms.sum()

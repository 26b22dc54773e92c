# Bug: the formula as written, sum(p·log(p/q)), with no special case for p = 0. There
# log(0/q) = -inf, and 0·(-inf) is NaN: the convention 0·log 0 = 0 is not automatic.
import numpy as np


def kl_divergence(p, q):
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(p * np.log(p / q)))

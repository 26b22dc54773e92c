# Bug: shifts by the maximum of the whole array instead of each slice's. Right on a single
# slice, but a slice whose entries all lie more than about 745 below another slice's
# maximum underflows to a sum of 0 (log 0 = -inf, so its answers are +inf).
import numpy as np


def log_softmax(x, axis=-1):
    if x.size == 0:
        return x.copy()
    shifted = x - np.max(x)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))

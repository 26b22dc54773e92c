# Bug: the formula as written: y·log(sigmoid(z)) + (1 - y)·log(1 - sigmoid(z)). 1 - sigmoid(z)
# cancels: it loses digits from z of about 25 and is 0.0 above about 37, where log gives
# -inf and, with label 1, the term 0·(-inf) is NaN. For z below about -709, exp(-z)
# overflows and sigmoid(z) is 0.0.
import numpy as np


def bce_with_logits(z, y):
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        p = 1.0 / (1.0 + np.exp(-z))
        return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))

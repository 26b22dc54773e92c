# Bug: forgets axis=-1, so the mean and variance are of the whole array rather than of each
# row. Right for a single row (every example has one), wrong once rows differ.
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean()
    var = x.var()
    return (x - mean) / np.sqrt(var + eps) * gamma + beta

# Two passes with numpy's own reductions: mean, then the biased variance of the centred
# values (np.var centres first, ddof=0 by default), eps inside the square root.
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta

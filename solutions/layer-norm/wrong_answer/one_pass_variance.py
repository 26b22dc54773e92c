# Bug: the one-pass variance E[x²] − E[x]². Exact on small numbers, but a row such as
# 10^4 + 10^-3·k subtracts two values near 10^8 and loses its variance to rounding.
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = (x * x).mean(axis=-1, keepdims=True) - mean * mean
    return (x - mean) / np.sqrt(var + eps) * gamma + beta

# Bug: eps added to the standard deviation, (x − mean) / (std + eps), instead of inside the
# square root. Indistinguishable when the variance dwarfs eps; wrong when they are close.
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    std = x.std(axis=-1, keepdims=True)
    return (x - mean) / (std + eps) * gamma + beta

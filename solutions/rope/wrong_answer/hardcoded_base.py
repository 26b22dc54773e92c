# Bug: uses 10000 whatever `base` is (Llama 3 uses 500000). Invisible when d = 2, where the
# only frequency is base^0 = 1, and whenever base is 10000.
import numpy as np


def rope(x, positions, base=10000.0):
    d = x.shape[-1]
    angles = positions[:, None] * 10000.0 ** (-np.arange(0, d, 2) / d)
    cos, sin = np.cos(angles), np.sin(angles)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = even * cos - odd * sin
    out[..., 1::2] = even * sin + odd * cos
    return out

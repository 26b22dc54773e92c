# Bug: assumes the vectors sit at positions 0, 1, ..., L - 1 and never reads `positions`.
# Right whenever they do (every example); wrong for a sequence that starts late, or repeats.
import numpy as np


def rope(x, positions, base=10000.0):
    length, d = x.shape[-2], x.shape[-1]
    angles = np.arange(length)[:, None] * base ** (-np.arange(0, d, 2) / d)
    cos, sin = np.cos(angles), np.sin(angles)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = even * cos - odd * sin
    out[..., 1::2] = even * sin + odd * cos
    return out

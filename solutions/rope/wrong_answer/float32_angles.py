# Bug: frequencies and angles in float32, as in a model run in reduced precision. Its cos and
# sin are off by ~6e-8 (too much for an output near 0, where 1e-8 is allowed), and p · f is
# off by ~1e-3 radians once p reaches 10^4. Passes the examples: no output there is small.
import numpy as np


def rope(x, positions, base=10000.0):
    d = x.shape[-1]
    inv_freq = (base ** (-np.arange(0, d, 2, dtype=np.float32) / d)).astype(np.float32)
    angles = positions.astype(np.float32)[:, None] * inv_freq
    cos, sin = np.cos(angles).astype(np.float64), np.sin(angles).astype(np.float64)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = even * cos - odd * sin
    out[..., 1::2] = even * sin + odd * cos
    return out

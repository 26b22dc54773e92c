# LeetCode style: a Solution class. Cos and sin tables repeated to width d, and the
# interleaved "rotate half": (v0, v1, v2, v3, ...) -> (-v1, v0, -v3, v2, ...), so that
# out = v·cos + rotated(v)·sin.
import numpy as np


class Solution:
    def rope(self, x, positions, base=10000.0):
        d = x.shape[-1]
        inv_freq = 1.0 / base ** (np.arange(0, d, 2, dtype=np.float64) / d)
        angles = positions.astype(np.float64)[:, None] * inv_freq[None, :]
        cos = np.repeat(np.cos(angles), 2, axis=-1)
        sin = np.repeat(np.sin(angles), 2, axis=-1)
        rotated = np.empty_like(x)
        rotated[..., 0::2] = -x[..., 1::2]
        rotated[..., 1::2] = x[..., 0::2]
        return x * cos + rotated * sin

# Bug: the GPT-NeoX / Hugging Face convention, pairing coordinate i with i + d/2 instead of
# 2i with 2i + 1. The same function when d = 2 (every example but the last, at position 0).
import numpy as np


def rope(x, positions, base=10000.0):
    d = x.shape[-1]
    inv_freq = base ** (-np.arange(0, d, 2) / d)
    angles = np.outer(positions, inv_freq)
    cos, sin = np.cos(angles), np.sin(angles)
    first, second = x[..., : d // 2], x[..., d // 2 :]
    return np.concatenate([first * cos - second * sin, first * sin + second * cos], axis=-1)

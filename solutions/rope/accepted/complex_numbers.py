# Each pair (v[2i], v[2i+1]) as the complex number v[2i] + i·v[2i+1]: turning it by theta is
# multiplying by e^(i·theta). Frequencies through exp and log, angles by an outer product.
import numpy as np


def rope(x, positions, base=10000.0):
    d = x.shape[-1]
    frequencies = np.exp(-np.log(base) * np.arange(0, d, 2) / d)
    turns = np.exp(1j * np.outer(positions, frequencies))  # (L, d/2)
    pairs = (x[..., 0::2] + 1j * x[..., 1::2]) * turns
    out = np.empty_like(x)
    out[..., 0::2] = pairs.real
    out[..., 1::2] = pairs.imag
    return out

# Bug: rounds halves away from zero (sign(q) * floor(|q| + 0.5), C's round()), so 2.5 -> 3
# where the statement asks for half to even (2.5 -> 2). Odd halves such as 3.5 agree.
import numpy as np


def quantize_int8(w, axis):
    axis = axis % w.ndim
    others = tuple(a for a in range(w.ndim) if a != axis)
    scale = np.abs(w).max(axis=others, keepdims=True) / 127
    q = np.divide(w, scale, out=np.zeros_like(w), where=scale > 0)
    values = np.sign(q) * np.floor(np.abs(q) + 0.5)
    return values.astype(np.int8), scale.reshape(-1)

# Bug: compares the axes with `axis` as given, so a negative axis (-1) matches none of
# 0..ndim-1: every axis is reduced and the whole tensor shares one scale.
import numpy as np


def quantize_int8(w, axis):
    others = tuple(a for a in range(w.ndim) if a != axis)
    scale = np.abs(w).max(axis=others, keepdims=True) / 127
    q = np.divide(w, scale, out=np.zeros_like(w), where=scale > 0)
    return np.rint(q).astype(np.int8), scale.reshape(-1)

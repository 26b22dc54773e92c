# Bug: takes the channel's largest value, not its largest magnitude. Right while the most
# extreme value is positive; when it is negative (-2 beside 1), the scale is too small or
# even negative, and the values overflow and are clipped.
import numpy as np


def quantize_int8(w, axis):
    axis = axis % w.ndim
    others = tuple(a for a in range(w.ndim) if a != axis)
    scale = w.max(axis=others, keepdims=True) / 127
    divisor = np.where(scale == 0, 1.0, scale)
    values = np.clip(np.rint(w / divisor), -127, 127)
    return values.astype(np.int8), scale.reshape(-1)

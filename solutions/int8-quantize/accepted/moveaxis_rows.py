# Move the channel axis to the front and flatten the rest: one row per channel. Scales
# from the row maxima of |w|; zero rows get scale 0 and a safe divisor of 1. (The row
# length is spelled out: reshape(0, -1) is an error when there are no channels.)
import numpy as np


def quantize_int8(w, axis):
    rows = np.moveaxis(w, axis, 0)
    flat = rows.reshape(rows.shape[0], int(np.prod(rows.shape[1:])))
    scales = np.abs(flat).max(axis=1) / 127
    divisor = np.where(scales > 0, scales, 1.0)
    q = np.round(flat / divisor[:, None]).astype(np.int8)
    return np.moveaxis(q.reshape(rows.shape), 0, axis), scales

# Right answers, one Python step per value: 4.2·10^6 divisions and round() calls (Python's
# round() is half to even too) in the interpreter.
import numpy as np


def quantize_int8(w, axis):
    rows = np.moveaxis(w, axis, 0)
    flat = rows.reshape(rows.shape[0], int(np.prod(rows.shape[1:]))).tolist()
    scales, out = [], []
    for row in flat:
        top = max(abs(v) for v in row)
        scale = top / 127
        scales.append(scale)
        out.append([round(v / scale) if scale else 0 for v in row])
    values = np.array(out, dtype=np.int8).reshape(rows.shape)
    return np.moveaxis(values, 0, axis), np.array(scales, dtype=np.float64)

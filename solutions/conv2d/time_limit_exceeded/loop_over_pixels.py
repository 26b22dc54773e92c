# Right answers, one numpy contraction per output pixel (vectorised over images, channels
# and filters): 1.1·10^6 pixels means 1.1·10^6 numpy calls at a few microseconds each.
import numpy as np


def conv2d(x, w, stride, padding):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (wd + 2 * padding - kw) // stride + 1
    filters = w.reshape(f, -1).T
    out = np.empty((n, f, oh, ow))
    for i in range(oh):
        for j in range(ow):
            window = xp[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            out[:, :, i, j] = window.reshape(n, -1) @ filters
    return out

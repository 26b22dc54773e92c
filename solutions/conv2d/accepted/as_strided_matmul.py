# Explicit im2col with as_strided: a (N, OH, OW, C, KH, KW) view of the padded input made
# from its strides, reshaped into a (N·OH·OW, C·KH·KW) matrix, times the filters.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def conv2d(x, w, stride, padding):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.ascontiguousarray(np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))))
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (wd + 2 * padding - kw) // stride + 1
    sn, sc, sh, sw = xp.strides
    cols = as_strided(
        xp,
        shape=(n, oh, ow, c, kh, kw),
        strides=(sn, sh * stride, sw * stride, sc, sh, sw),
        writeable=False,
    ).reshape(n * oh * ow, c * kh * kw)
    out = cols @ w.reshape(f, -1).T
    return out.reshape(n, oh, ow, f).transpose(0, 3, 1, 2)

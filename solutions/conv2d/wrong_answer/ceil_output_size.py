# Bug: rounds the output size up, ceil((H + 2p - KH) / stride) + 1, padding the bottom and
# right with extra zeros so the last window fits ("same"-style). Right when the stride
# divides H + 2p - KH (as in every example), one row or column too many otherwise.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, w, stride, padding):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    oh = -(-(h + 2 * padding - kh) // stride) + 1
    ow = -(-(wd + 2 * padding - kw) // stride) + 1
    extra_h = (oh - 1) * stride + kh - (h + 2 * padding)
    extra_w = (ow - 1) * stride + kw - (wd + 2 * padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding + extra_h), (padding, padding + extra_w)))
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    return np.einsum("ncijkl,fckl->nfij", win, w, optimize=True)

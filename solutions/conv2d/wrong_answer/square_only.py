# Bug: written for square images and kernels: the output width is computed from the height
# and KH (OW = OH), so any image with H != W or kernel with KH != KW gets the wrong number
# of columns.
import numpy as np


def conv2d(x, w, stride, padding):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    size = (h + 2 * padding - kh) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((n, f, size, size))
    for a in range(kh):
        for b in range(kw):
            patch = xp[:, :, a::stride, b::stride][:, :, :size, :size]
            full = np.zeros((n, c, size, size))
            full[:, :, : patch.shape[2], : patch.shape[3]] = patch
            out += np.einsum("nchw,fc->nfhw", full, w[:, :, a, b])
    return out

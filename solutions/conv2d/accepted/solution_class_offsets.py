# LeetCode style: loop over the KH·KW kernel offsets only; each offset adds one strided
# slice of the padded input, contracted over channels, to the whole output at once.
# Returns nested lists (accepted like an array).
import numpy as np


class Solution:
    def conv2d(self, x, w, stride, padding):
        n, c, h, wd = x.shape
        f, _, kh, kw = w.shape
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (wd + 2 * padding - kw) // stride + 1
        xp = np.zeros((n, c, h + 2 * padding, wd + 2 * padding))
        xp[:, :, padding : padding + h, padding : padding + wd] = x
        out = np.zeros((n, f, oh, ow))
        for a in range(kh):
            for b in range(kw):
                patch = xp[:, :, a : a + stride * (oh - 1) + 1 : stride, b : b + stride * (ow - 1) + 1 : stride]
                out += np.einsum("nchw,fc->nfhw", patch, w[:, :, a, b])
        return out.tolist()

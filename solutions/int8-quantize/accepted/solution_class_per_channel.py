# LeetCode style, one numpy step per channel (a loop over channels, not over values), and
# a list [values, scales] instead of a tuple: accepted.
import numpy as np


class Solution:
    def quantize_int8(self, w, axis):
        axis %= w.ndim
        values = np.zeros(w.shape, dtype=np.int8)
        scales = np.zeros(w.shape[axis])
        for c in range(w.shape[axis]):
            index = (slice(None),) * axis + (c,)
            channel = w[index]
            top = np.max(np.abs(channel))
            if top > 0:
                scales[c] = top / 127
                values[index] = np.rint(channel / scales[c])
        return [values, scales]

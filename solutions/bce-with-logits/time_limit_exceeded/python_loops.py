# Right answers (the stable form of each loss), with a Python loop over every element:
# 10^6 at the largest size.
import math

import numpy as np


def bce_with_logits(z, y):
    total = 0.0
    for index in np.ndindex(z.shape):
        v = z[index]
        total += max(v, 0.0) - v * y[index] + math.log1p(math.exp(-abs(v)))
    return total / z.size

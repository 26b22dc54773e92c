# log(1 + e^z) is logaddexp(0, z), which numpy computes without overflow; the loss is then
# log(1 + e^z) - z·y. O(n).
import numpy as np


def bce_with_logits(z, y):
    return np.mean(np.logaddexp(0.0, z) - z * y)

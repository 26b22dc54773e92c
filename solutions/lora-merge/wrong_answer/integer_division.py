# Bug: `alpha // r`, as in code written for integer alpha: alpha = 8 with r = 16 gives 0 and
# the adapter vanishes; alpha = 3 with r = 2 gives 1 instead of 1.5. Right when alpha is a
# multiple of r.
import numpy as np


def lora_merge(w, a, b, alpha):
    r = a.shape[0]
    return w + (alpha // r) * (b @ a)

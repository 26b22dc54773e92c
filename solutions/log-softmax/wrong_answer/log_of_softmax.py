# Bug: a stable softmax (shifted by the maximum), then its log. An entry more than about 745
# below its slice's maximum has probability exp(-800) = 0.0 in float64, so its answer is
# -inf instead of the finite -800 (and entries 708 to 745 below lose precision).
import numpy as np


def log_softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return np.log(e / np.sum(e, axis=axis, keepdims=True))

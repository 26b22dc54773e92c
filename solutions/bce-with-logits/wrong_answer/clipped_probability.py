# Bug: the probability clipped to [1e-7, 1 - 1e-7] "to avoid log(0)" (as Keras does). No
# infinities, but a confident wrong prediction (|z| above about 16) gets the loss
# -log(1e-7) = 16.1 instead of about |z|, and a confident right one 1e-7 instead of e^-|z|.
import numpy as np


def bce_with_logits(z, y):
    with np.errstate(over="ignore"):
        p = np.clip(1.0 / (1.0 + np.exp(-z)), 1e-7, 1.0 - 1e-7)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))

# Bug: scales by alpha instead of alpha / r. Right exactly when r = 1 (and for B = 0).
import numpy as np


def lora_merge(w, a, b, alpha):
    return w + alpha * (b @ a)

# Bug: forgets the alpha / r scale and adds B·A as it is. Right exactly when alpha = r (and
# for an untrained adapter, B = 0): every example.
import numpy as np


def lora_merge(w, a, b, alpha):
    return w + b @ a

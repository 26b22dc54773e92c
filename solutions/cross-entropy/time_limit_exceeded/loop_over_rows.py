# Right answers, half-vectorised: numpy within each row, but a Python loop over the 2·10^5
# rows, each paying numpy's per-call overhead several times.
import numpy as np


def cross_entropy(logits, targets):
    total = 0.0
    for row, target in zip(logits, targets):
        top = row.max()
        total += top + np.log(np.exp(row - top).sum()) - row[target]
    return float(total / len(targets))

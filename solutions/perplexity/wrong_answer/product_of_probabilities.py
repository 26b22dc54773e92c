# Bug: perplexity as the geometric mean of the inverse probabilities, prod(p) ** (-1/N).
# The softmax is stable, but the product underflows to 0 once the total NLL passes ~745
# (a handful of unlikely tokens, or a long text), and 0 ** (-1/N) is inf.
import numpy as np


def perplexity(logits, targets, mask):
    rows = logits[mask]
    wanted = targets[mask]
    shifted = np.exp(rows - rows.max(axis=1, keepdims=True))
    probabilities = shifted[np.arange(len(rows)), wanted] / shifted.sum(axis=1)
    return float(np.prod(probabilities) ** (-1.0 / len(rows)))

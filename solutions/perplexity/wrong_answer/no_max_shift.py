# Bug: the textbook softmax, log(sum(exp(logits))), without subtracting the maximum: a logit
# above ~709.8 overflows exp to inf, and the NLL becomes inf or NaN.
import numpy as np


def perplexity(logits, targets, mask):
    rows = logits[mask]
    wanted = targets[mask]
    log_normaliser = np.log(np.exp(rows).sum(axis=1))
    nll = log_normaliser - rows[np.arange(len(rows)), wanted]
    return float(np.exp(nll.mean()))

# Bug: takes each row's maximum before masking, so a hidden key with a large score sets the
# shift. If it is more than ~745 above every allowed score, exp underflows to 0 for all of
# them and the query's output becomes zeros instead of an average of its allowed values.
import numpy as np


def attention(q, k, v, mask):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    top = scores.max(axis=-1, keepdims=True, initial=-np.inf)
    weights = np.exp(scores - top)
    if mask is not None:
        weights = np.where(mask, weights, 0.0)
    total = weights.sum(axis=-1, keepdims=True)
    return (weights / np.where(total > 0, total, 1.0)) @ v

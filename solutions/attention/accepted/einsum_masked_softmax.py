# Scores by einsum, hidden keys set to -inf, the softmax shifted by each row's largest
# allowed score (rows with none are shifted by 0 instead, and come out as zeros).
import numpy as np


def attention(q, k, v, mask):
    scores = np.einsum("...qd,...kd->...qk", q, k) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    top = scores.max(axis=-1, keepdims=True, initial=-np.inf)
    top = np.where(np.isfinite(top), top, 0.0)
    weights = np.exp(scores - top)
    total = weights.sum(axis=-1, keepdims=True)
    weights = weights / np.where(total > 0, total, 1.0)
    return np.einsum("...qk,...kd->...qd", weights, v)

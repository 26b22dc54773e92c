# Bug: scales the scores by 1/sqrt(D), the model width, instead of 1/sqrt(D / n_heads), the
# head width. The same with one head, as in every sample that has more than one token.
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    b, n, d = x.shape
    dh = d // n_heads

    def heads(w):
        return (x @ w).reshape(b, n, n_heads, dh).transpose(0, 2, 1, 3)

    q, k, v = heads(w_q), heads(w_k), heads(w_v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    if causal:
        scores = np.where(np.tril(np.ones((n, n), dtype=bool)), scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return (weights @ v).transpose(0, 2, 1, 3).reshape(b, n, d) @ w_o

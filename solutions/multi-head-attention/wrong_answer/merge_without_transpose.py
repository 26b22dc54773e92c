# Bug: splits the heads right, but merges them with a bare reshape of (B, H, L, dh) to
# (B, L, D), forgetting to move the head axis back first, so tokens and heads get mixed up.
# Invisible with one head or one token, as in every sample.
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    b, n, d = x.shape
    dh = d // n_heads

    def heads(w):
        return (x @ w).reshape(b, n, n_heads, dh).transpose(0, 2, 1, 3)

    q, k, v = heads(w_q), heads(w_k), heads(w_v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((n, n), dtype=bool)), scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return (weights @ v).reshape(b, n, d) @ w_o

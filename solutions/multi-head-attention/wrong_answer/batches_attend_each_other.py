# Bug: flattens the batch into one long sequence of B·L tokens to use 2-D matrix products,
# so tokens attend to the tokens of other sequences too (and, when causal, to every token
# of the sequences before theirs). Right whenever B = 1, as in every sample with L > 1.
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    b, n, d = x.shape
    dh = d // n_heads
    flat = x.reshape(b * n, d)
    q, k, v = flat @ w_q, flat @ w_k, flat @ w_v
    future = np.triu(np.ones((b * n, b * n), dtype=bool), k=1)
    merged = np.empty_like(q)
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        scores = q[:, cols] @ k[:, cols].T / np.sqrt(dh)
        if causal:
            scores[future] = -np.inf
        weights = np.exp(scores - scores.max(axis=1, keepdims=True))
        weights /= weights.sum(axis=1, keepdims=True)
        merged[:, cols] = weights @ v[:, cols]
    return (merged @ w_o).reshape(b, n, d)

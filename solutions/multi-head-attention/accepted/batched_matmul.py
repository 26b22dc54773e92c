# Project, split heads with reshape + transpose, attend with batched matmuls (an additive
# -inf causal mask and a max-shifted softmax), merge heads with the inverse transpose +
# reshape, project out. (einsum would do the same products, several times slower.)
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    b, n, d = x.shape
    dh = d // n_heads

    def heads(w):
        return (x @ w).reshape(b, n, n_heads, dh).transpose(0, 2, 1, 3)

    q, k, v = heads(w_q), heads(w_k), heads(w_v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh)
    if causal:
        scores += np.triu(np.full((n, n), -np.inf), k=1)
    scores -= scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return (weights @ v).transpose(0, 2, 1, 3).reshape(b, n, d) @ w_o

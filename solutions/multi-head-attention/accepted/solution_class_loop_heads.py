# LeetCode style: a Solution class that loops over the heads in Python, slicing each head's
# columns out of the projections and writing its output back into the same columns.
# Returns nested lists.
import numpy as np


class Solution:
    def multi_head_attention(self, x, w_q, w_k, w_v, w_o, n_heads, causal):
        b, n, d = x.shape
        dh = d // n_heads
        q, k, v = x @ w_q, x @ w_k, x @ w_v
        future = np.triu(np.ones((n, n), dtype=bool), k=1)
        merged = np.empty_like(q)
        for h in range(n_heads):
            cols = slice(h * dh, (h + 1) * dh)
            scores = q[:, :, cols] @ k[:, :, cols].transpose(0, 2, 1) / np.sqrt(dh)
            if causal:
                scores[:, future] = -np.inf
            weights = np.exp(scores - scores.max(axis=2, keepdims=True))
            weights /= weights.sum(axis=2, keepdims=True)
            merged[:, :, cols] = weights @ v[:, :, cols]
        return (merged @ w_o).tolist()

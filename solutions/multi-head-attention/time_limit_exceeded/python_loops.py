# Right answers, element-wise Python loops for the attention itself: about 10^6 scores at
# full size, each a dot product of width dh in Python, then as many weighted sums.
import math

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    b, n, d = x.shape
    dh = d // n_heads
    q, k, v = (x @ w_q).tolist(), (x @ w_k).tolist(), (x @ w_v).tolist()
    merged = np.zeros((b, n, d))
    for s in range(b):
        for h in range(n_heads):
            lo, hi = h * dh, (h + 1) * dh
            for i in range(n):
                keys = range(i + 1) if causal else range(n)
                scores = [
                    sum(a * c for a, c in zip(q[s][i][lo:hi], k[s][j][lo:hi])) / math.sqrt(dh)
                    for j in keys
                ]
                top = max(scores)
                weights = [math.exp(t - top) for t in scores]
                total = sum(weights)
                for c in range(lo, hi):
                    merged[s, i, c] = sum(w * v[s][j][c] for w, j in zip(weights, keys)) / total
    return merged @ w_o

# Right answers, plain Python: every entry of W plus its own sum of r products
# (1024 · 1024 entries × 64 products on the largest input).
import numpy as np


def lora_merge(w, a, b, alpha):
    out_features, in_features = w.shape
    rank = a.shape[0]
    scale = alpha / rank
    rows_a, rows_b = a.tolist(), b.tolist()
    merged = w.tolist()
    for i in range(out_features):
        for j in range(in_features):
            merged[i][j] += scale * sum(rows_b[i][k] * rows_a[k][j] for k in range(rank))
    return np.array(merged)

# LeetCode style: a Solution class that loops over the leading indices in Python (at most
# 8 of them) and does each (Lq, Lk) block with matrix products; returns nested lists.
import numpy as np


class Solution:
    def attention(self, q, k, v, mask):
        lead = q.shape[:-2]
        lq, lk, dv = q.shape[-2], k.shape[-2], v.shape[-1]
        allowed = np.broadcast_to(np.ones((), dtype=bool) if mask is None else mask, lead + (lq, lk))
        out = np.zeros(lead + (lq, dv))
        for index in np.ndindex(*lead):
            scores = q[index] @ k[index].T / np.sqrt(q.shape[-1])
            ok = allowed[index]
            any_key = ok.any(axis=1)
            masked = np.where(ok, scores, -np.inf)
            top = np.max(masked, axis=1, keepdims=True, initial=-np.inf)
            weights = np.zeros((lq, lk))
            rows = np.flatnonzero(any_key)
            weights[rows] = np.exp(masked[rows] - top[rows])
            weights[rows] /= weights[rows].sum(axis=1, keepdims=True)
            out[index] = weights @ v[index]
        return out.tolist()

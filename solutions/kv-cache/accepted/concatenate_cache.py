# Keys and values of every head in (B, H, t, dh) arrays, extended by np.concatenate at
# each step (an O(t·D) copy, the same order as attending over them).
import numpy as np


class CachedAttention:
    def __init__(self, w_q, w_k, w_v, w_o, n_heads):
        self.w_q, self.w_k, self.w_v, self.w_o = w_q, w_k, w_v, w_o
        self.h = n_heads
        self.dh = w_q.shape[0] // n_heads
        self.k = None
        self.v = None

    def split(self, x):
        return x.reshape(x.shape[0], self.h, 1, self.dh)

    def step(self, x_t):
        b, d = x_t.shape
        q = self.split(x_t @ self.w_q)
        k = self.split(x_t @ self.w_k)
        v = self.split(x_t @ self.w_v)
        self.k = k if self.k is None else np.concatenate([self.k, k], axis=2)
        self.v = v if self.v is None else np.concatenate([self.v, v], axis=2)
        scores = q @ self.k.transpose(0, 1, 3, 2) / np.sqrt(self.dh)
        scores -= scores.max(axis=-1, keepdims=True)
        w = np.exp(scores)
        w /= w.sum(axis=-1, keepdims=True)
        return (w @ self.v).reshape(b, d) @ self.w_o

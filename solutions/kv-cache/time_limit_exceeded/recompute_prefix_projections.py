# Right answers, a cache of the wrong thing: remembers the tokens, not their keys and
# values, so every step projects the whole prefix again, O(t·D²) per step (then attends
# with the new query only).
import numpy as np


class CachedAttention:
    def __init__(self, w_q, w_k, w_v, w_o, n_heads):
        self.w_q, self.w_k, self.w_v, self.w_o = w_q, w_k, w_v, w_o
        self.h = n_heads
        self.tokens = []

    def step(self, x_t):
        b, d = x_t.shape
        dh = d // self.h
        self.tokens.append(x_t)
        x = np.stack(self.tokens, axis=1)  # (B, t, D)
        t = x.shape[1]
        q = (x_t @ self.w_q).reshape(b, self.h, 1, dh)
        k = (x @ self.w_k).reshape(b, t, self.h, dh).transpose(0, 2, 3, 1)
        v = (x @ self.w_v).reshape(b, t, self.h, dh).transpose(0, 2, 1, 3)
        scores = q @ k / np.sqrt(dh)
        w = np.exp(scores - scores.max(axis=-1, keepdims=True))
        w /= w.sum(axis=-1, keepdims=True)
        return (w @ v).reshape(b, d) @ self.w_o

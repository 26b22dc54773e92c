# Preallocated key/value buffers of shape (B, t_max, D), grown by 256 tokens whenever they
# fill up; heads are views of column blocks, attention by einsum over the filled prefix.
# Returns nested lists.
import numpy as np

CHUNK = 256


class CachedAttention:
    def __init__(self, w_q, w_k, w_v, w_o, n_heads):
        self.w_q, self.w_k, self.w_v, self.w_o = w_q, w_k, w_v, w_o
        self.n_heads = n_heads
        self.n = 0
        self.keys = None
        self.values = None

    def _grow(self, batch, width):
        extra = np.zeros((batch, CHUNK, width))
        if self.keys is None:
            self.keys, self.values = extra, extra.copy()
        else:
            self.keys = np.concatenate([self.keys, extra], axis=1)
            self.values = np.concatenate([self.values, extra], axis=1)

    def step(self, x_t):
        batch, width = x_t.shape
        dh = width // self.n_heads
        if self.keys is None or self.n == self.keys.shape[1]:
            self._grow(batch, width)
        self.keys[:, self.n] = x_t @ self.w_k
        self.values[:, self.n] = x_t @ self.w_v
        self.n += 1
        q = (x_t @ self.w_q).reshape(batch, self.n_heads, dh)
        k = self.keys[:, : self.n].reshape(batch, self.n, self.n_heads, dh)
        v = self.values[:, : self.n].reshape(batch, self.n, self.n_heads, dh)
        scores = np.einsum("bhd,bthd->bht", q, k) / np.sqrt(dh)
        weights = np.exp(scores - scores.max(axis=2, keepdims=True))
        weights /= weights.sum(axis=2, keepdims=True)
        heads = np.einsum("bht,bthd->bhd", weights, v)
        return (heads.reshape(batch, width) @ self.w_o).tolist()

# Blocks of 16 queries: one matrix product against the unit corpus per block, argpartition
# for the k best, then a stable sort of those k (by score, then index).
import numpy as np


def unit(a):
    norms = np.linalg.norm(a, axis=1, keepdims=True)
    return np.divide(a, norms, out=np.zeros_like(a), where=norms > 0)


def cosine_top_k(queries, corpus, k):
    c = unit(corpus)
    q = len(queries)
    idx = np.zeros((q, k), dtype=np.int64)
    val = np.zeros((q, k))
    for s in range(0, q, 16):
        scores = unit(queries[s : s + 16]) @ c.T
        part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        top = np.take_along_axis(scores, part, axis=1)
        order = np.argsort(-top, axis=1, kind="stable")
        idx[s : s + 16] = np.take_along_axis(part, order, axis=1)
        val[s : s + 16] = np.take_along_axis(top, order, axis=1)
    return idx, val

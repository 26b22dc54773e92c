# Bug: no guard for zero vectors, so their scores are 0/0 = NaN instead of 0.0 (argpartition
# sorts NaN last, so they come up only when k reaches them, or for a zero query). Passes
# every sample (the zero row there is not among the best).
import numpy as np


def cosine_top_k(queries, corpus, k):
    with np.errstate(invalid="ignore", divide="ignore"):
        c = corpus / np.linalg.norm(corpus, axis=1, keepdims=True)
        qs = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    idx = np.zeros((len(queries), k), dtype=np.int64)
    val = np.zeros((len(queries), k))
    for i, query in enumerate(qs):
        s = c @ query
        best = np.argpartition(-s, k - 1)[:k]
        best = best[np.argsort(-s[best], kind="stable")]
        idx[i], val[i] = best, s[best]
    return idx, val

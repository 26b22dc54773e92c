# LeetCode style, one query at a time (n scores in memory at once), returning lists.
import numpy as np


class Solution:
    def cosine_top_k(self, queries, corpus, k):
        norms = np.sqrt((corpus**2).sum(axis=1))
        units = corpus / np.where(norms > 0, norms, 1.0)[:, None]
        indices, scores = [], []
        for query in queries:
            norm = np.sqrt(query @ query)
            s = units @ (query / norm) if norm > 0 else np.zeros(len(corpus))
            best = np.argpartition(-s, k - 1)[:k]
            best = best[np.lexsort((best, -s[best]))]
            indices.append([int(j) for j in best])
            scores.append([float(s[j]) for j in best])
        return indices, scores

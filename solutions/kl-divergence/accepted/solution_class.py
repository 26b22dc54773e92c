# LeetCode style: the infinite case first (q = 0 somewhere p is not), then the sum over
# p's support of p·(log p - log q), with every logarithm finite.
import numpy as np


class Solution:
    def kl_divergence(self, p: np.ndarray, q: np.ndarray) -> float:
        if np.any((p > 0) & (q == 0)):
            return float("inf")
        keep = p > 0
        return float(np.dot(p[keep], np.log(p[keep]) - np.log(q[keep])))

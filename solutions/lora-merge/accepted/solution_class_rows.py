# LeetCode style: a Solution class, half vectorised: one numpy product per row of W
# (row i of B·A is B[i] @ A), 1024 small products on the largest input.
import numpy as np


class Solution:
    def lora_merge(self, w, a, b, alpha):
        scale = alpha / a.shape[0]
        merged = np.empty_like(w)
        for i in range(w.shape[0]):
            merged[i] = w[i] + scale * (b[i] @ a)
        return merged

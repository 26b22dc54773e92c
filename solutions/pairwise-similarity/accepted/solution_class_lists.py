# LeetCode style: a Solution class, returning nested lists (accepted: the shape is right).
import numpy as np


class Solution:
    def pairwise_similarity(self, x, y):
        xn = np.linalg.norm(x, axis=-1, keepdims=True)
        yn = np.linalg.norm(y, axis=-1, keepdims=True)
        xu = np.where(xn > 0, x / np.where(xn > 0, xn, 1), 0.0)
        yu = np.where(yn > 0, y / np.where(yn > 0, yn, 1), 0.0)
        return (xu @ yu.transpose(0, 2, 1)).tolist()

# LeetCode style: -log(sigmoid(s)) = log(1 + e^-s) with s = z for label 1 and s = -z for
# label 0, computed stably as max(-s, 0) + log1p(exp(-|s|)).
import numpy as np


class Solution:
    def bce_with_logits(self, z: np.ndarray, y: np.ndarray) -> float:
        s = np.where(y == 1.0, z, -z)
        return float(np.mean(np.maximum(-s, 0.0) + np.log1p(np.exp(-np.abs(s)))))

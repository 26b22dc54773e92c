# LeetCode style: log-softmax by numpy's logaddexp folded along each row (never forms
# exp(logits), so nothing overflows), then the target of each row by fancy indexing.
import numpy as np


class Solution:
    def cross_entropy(self, logits: np.ndarray, targets: np.ndarray) -> float:
        log_probs = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        return float(-log_probs[np.arange(len(targets)), targets].mean())

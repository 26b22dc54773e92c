# LeetCode style, one sequence at a time: a max-shifted log-softmax over its unmasked rows,
# summing NLLs and counting tokens across the batch (a token-weighted mean at the end).
import math

import numpy as np


class Solution:
    def perplexity(self, logits, targets, mask):
        total, count = 0.0, 0
        for b in range(logits.shape[0]):
            rows = logits[b][mask[b]]
            if rows.shape[0] == 0:
                continue
            shifted = rows - rows.max(axis=1, keepdims=True)
            log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            wanted = targets[b][mask[b]]
            total -= log_softmax[np.arange(rows.shape[0]), wanted].sum()
            count += rows.shape[0]
        return math.exp(total / count)

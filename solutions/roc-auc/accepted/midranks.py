# Mann-Whitney U: rank all scores, tied scores sharing the average of their ranks, then
# AUC = (sum of the positives' ranks - P(P+1)/2) / (P·N). O(n log n) via numpy.unique.
import numpy as np


def roc_auc(labels, scores):
    positive = labels == 1
    n_pos = int(np.count_nonzero(positive))
    n_neg = labels.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    last_rank = np.cumsum(counts)  # 1-based rank of the last member of each group
    average_rank = last_rank - (counts - 1) / 2.0
    rank_sum = average_rank[inverse.reshape(-1)][positive].sum()
    return float((rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))

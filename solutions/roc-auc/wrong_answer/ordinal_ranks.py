# Bug: ranks by argsort of argsort, so tied scores get distinct ranks in index order instead
# of sharing their average rank: a positive tied with a negative counts as a whole win or a
# whole loss depending on which comes first. Right whenever those ties happen to balance.
import numpy as np


def roc_auc(labels, scores):
    n_pos = int(np.count_nonzero(labels == 1))
    n_neg = labels.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    ranks = np.argsort(np.argsort(scores)) + 1
    rank_sum = ranks[labels == 1].sum()
    return float((rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))

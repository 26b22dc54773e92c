# Bug: returns None when there are no positives, but forgets the case with no negatives:
# dividing by P·N = 0 in numpy gives NaN (with a warning) instead of None.
import numpy as np


def roc_auc(labels, scores):
    n_pos = labels.sum()
    n_neg = len(labels) - n_pos
    if n_pos == 0:
        return None
    negatives = np.sort(scores[labels == 0])
    positives = scores[labels == 1]
    wins = np.searchsorted(negatives, positives, side="left").sum()
    ties = np.searchsorted(negatives, positives, side="right").sum() - wins
    return (wins + 0.5 * ties) / (n_pos * n_neg)

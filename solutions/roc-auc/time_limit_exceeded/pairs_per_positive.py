# Right answers, O(P·N): one vectorised comparison of each positive against every negative.
# At n = 10^6 that is 2.5·10^11 comparisons.
import numpy as np


def roc_auc(labels, scores):
    positives = scores[labels == 1]
    negatives = scores[labels == 0]
    if positives.size == 0 or negatives.size == 0:
        return None
    twice_wins = 0
    for score in positives:
        twice_wins += 2 * int(np.count_nonzero(negatives < score))
        twice_wins += int(np.count_nonzero(negatives == score))
    return twice_wins / (2 * positives.size * negatives.size)

# Bug: casts the scores to float32 "to halve the memory". Scores a few ulps apart become
# ties, and scores beyond 3.4e38 become inf (ties again); most inputs are unaffected.
import numpy as np


def roc_auc(labels, scores):
    scores = scores.astype(np.float32)
    negatives = np.sort(scores[labels == 0])
    positives = scores[labels == 1]
    if positives.size == 0 or negatives.size == 0:
        return None
    below = np.searchsorted(negatives, positives, side="left").sum()
    at_or_below = np.searchsorted(negatives, positives, side="right").sum()
    return float((below + at_or_below) / (2 * positives.size * negatives.size))

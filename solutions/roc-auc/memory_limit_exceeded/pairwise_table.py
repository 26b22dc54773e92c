# Right answers, but builds the whole P×N table of comparisons by broadcasting: at n = 10^6
# that is 2.5·10^11 booleans (about 230 GiB), far beyond the memory limit.
import numpy as np


def roc_auc(labels, scores):
    positives = scores[labels == 1]
    negatives = scores[labels == 0]
    if positives.size == 0 or negatives.size == 0:
        return None
    wins = positives[:, None] > negatives[None, :]
    ties = positives[:, None] == negatives[None, :]
    return float((wins.sum() + 0.5 * ties.sum()) / wins.size)

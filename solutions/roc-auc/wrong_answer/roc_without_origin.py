# Bug: integrates the ROC curve from its first threshold, not from (0, 0). When the top
# score is shared by a positive and a negative, the curve's first step is diagonal, and the
# triangle under it is lost.
import numpy as np


def roc_auc(labels, scores):
    n_pos = int(labels.sum())
    n_neg = labels.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(-scores, kind="stable")
    ranked_scores, ranked_labels = scores[order], labels[order]
    ends = np.append(np.flatnonzero(np.diff(ranked_scores)), labels.size - 1)
    tpr = np.cumsum(ranked_labels)[ends] / n_pos
    fpr = (ends + 1 - np.cumsum(ranked_labels)[ends]) / n_neg
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))

# LeetCode style: build the ROC curve itself. Sort by score, highest first; each distinct
# score is one threshold, where the true- and false-positive counts jump together (a group
# of tied scores is one diagonal step); integrate with the trapezoid rule from (0, 0).
import numpy as np


class Solution:
    def roc_auc(self, labels, scores):
        n_pos = int(labels.sum())
        n_neg = labels.size - n_pos
        if n_pos == 0 or n_neg == 0:
            return None
        order = np.argsort(-scores, kind="mergesort")
        ranked_scores, ranked_labels = scores[order], labels[order]
        # the last position of each group of equal scores: where a threshold's counts stand
        ends = np.append(np.flatnonzero(np.diff(ranked_scores)), labels.size - 1)
        tp = np.cumsum(ranked_labels)[ends]
        fp = (ends + 1) - tp
        tp = np.concatenate([[0], tp])
        fp = np.concatenate([[0], fp])
        twice_area = np.sum(np.diff(fp) * (tp[1:] + tp[:-1]))  # integers: exact
        return int(twice_area) / (2 * n_pos * n_neg)

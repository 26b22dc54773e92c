# LeetCode style: visit boxes by (-score, index) and compare each with the boxes kept so
# far, held in a growing numpy array (one vectorised IoU per visited box). Returns an
# int64 array, which is accepted like a list.
import numpy as np


class Solution:
    def nms(self, boxes, scores, iou_threshold):
        n = len(scores)
        order = np.lexsort((np.arange(n), -scores))
        kept = np.empty((n, 4))
        kept_area = np.empty(n)
        answer = []
        for i in order:
            b = boxes[i]
            area = (b[2] - b[0]) * (b[3] - b[1])
            k = len(answer)
            if k:
                ks = kept[:k]
                w = np.maximum(0.0, np.minimum(b[2], ks[:, 2]) - np.maximum(b[0], ks[:, 0]))
                h = np.maximum(0.0, np.minimum(b[3], ks[:, 3]) - np.maximum(b[1], ks[:, 1]))
                inter = w * h
                union = area + kept_area[:k] - inter
                if np.any(inter > iou_threshold * union):
                    continue
            kept[k] = b
            kept_area[k] = area
            answer.append(i)
        return np.array(answer, dtype=np.int64)

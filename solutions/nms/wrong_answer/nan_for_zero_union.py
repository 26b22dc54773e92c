# Bug: the textbook `inds = np.where(iou <= thresh)` loop with iou = inter / union and no
# guard: two zero-area boxes have union 0, so their IoU is 0/0 = NaN, `NaN <= thresh` is
# False, and the second one is silently dropped (its IoU is 0: it must be kept).
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    with np.errstate(invalid="ignore", divide="ignore"):
        while order.size > 0:
            i = order[0]
            keep.append(int(i))
            w = np.maximum(0.0, np.minimum(x2[i], x2[order[1:]]) - np.maximum(x1[i], x1[order[1:]]))
            h = np.maximum(0.0, np.minimum(y2[i], y2[order[1:]]) - np.maximum(y1[i], y1[order[1:]]))
            inter = w * h
            iou = inter / (areas[i] + areas[order[1:]] - inter)
            inds = np.where(iou <= iou_threshold)[0]
            order = order[inds + 1]
    return keep

# Bug: sorts ascending and reverses (argsort(scores)[::-1]), so among tied scores the
# higher index comes first: the output order is wrong, and of two tied overlapping
# boxes the wrong one is kept.
import numpy as np


def nms(boxes, scores, iou_threshold):
    order = np.argsort(scores, kind="stable")[::-1]
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    keep = []
    while order.size:
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]))
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]))
        inter = w * h
        union = areas[i] + areas[rest] - inter
        order = rest[~(inter > iou_threshold * union)]
    return keep

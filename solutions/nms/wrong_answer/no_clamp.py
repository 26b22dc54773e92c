# Bug: forgets to clamp the overlap widths at 0. Two boxes apart in both x and y give a
# negative width times a negative height: a positive "intersection", so boxes that do
# not touch at all can suppress each other.
import numpy as np


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    keep = []
    while order.size:
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        w = np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest])
        h = np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest])
        inter = w * h
        union = areas[i] + areas[rest] - inter
        order = rest[~(inter > iou_threshold * union)]
    return keep

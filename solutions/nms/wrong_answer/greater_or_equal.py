# Bug: suppresses when IoU >= threshold instead of > threshold, so a box whose IoU equals
# the threshold exactly (threshold 0.5, intersection 2, union 4) is wrongly dropped; with
# threshold 0, boxes that merely share an edge (IoU 0) are dropped too.
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
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]))
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]))
        inter = w * h
        union = areas[i] + areas[rest] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        order = rest[~(iou >= iou_threshold)]
    return keep

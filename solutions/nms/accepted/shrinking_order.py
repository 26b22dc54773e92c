# The classic loop: take the first index of the sorted order, compute its IoU with the rest
# of the order in one vectorised step, keep only those at or below the threshold. Union 0
# (two zero-area boxes) gives IoU 0 instead of 0/0.
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)
        inter = w * h
        union = areas[i] + areas[rest] - inter
        iou = np.zeros_like(inter)
        np.divide(inter, union, out=iou, where=union > 0)
        order = rest[iou <= iou_threshold]
    return keep

# Bug: the old pixel convention, area (x2 - x1 + 1) * (y2 - y1 + 1) and widths + 1, from
# py-faster-rcnn. The statement's areas are continuous: every IoU comes out different, and
# pairs near the threshold are decided the wrong way.
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1 + 1) * (y2 - y1 + 1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size:
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]) + 1)
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]) + 1)
        inter = w * h
        iou = inter / (areas[i] + areas[rest] - inter)
        order = rest[iou <= iou_threshold]
    return keep

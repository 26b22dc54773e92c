# Right answers, but builds the whole n × n IoU matrix by broadcasting first: at n = 6000
# each n × n array of doubles is 275 MiB, over the 256 MiB limit on its own.
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = (boxes[:, k] for k in range(4))
    areas = (x2 - x1) * (y2 - y1)
    w = np.clip(np.minimum(x2[:, None], x2[None, :]) - np.maximum(x1[:, None], x1[None, :]), 0, None)
    h = np.clip(np.minimum(y2[:, None], y2[None, :]) - np.maximum(y1[:, None], y1[None, :]), 0, None)
    inter = w * h
    union = areas[:, None] + areas[None, :] - inter
    suppress = inter > iou_threshold * union
    removed = np.zeros(len(scores), dtype=bool)
    keep = []
    for i in np.argsort(-scores, kind="stable"):
        if not removed[i]:
            keep.append(int(i))
            removed |= suppress[i]
    return keep

# Bug: drops a box if ANY higher-scored box overlaps it too much, kept or not. In a chain
# A-B-C where A suppresses B and B overlaps C (but A does not), C must be kept: only kept
# boxes suppress.
import numpy as np


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    b = boxes[order]
    areas = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    keep = []
    for j in range(len(order)):
        w = np.maximum(0.0, np.minimum(b[j, 2], b[:j, 2]) - np.maximum(b[j, 0], b[:j, 0]))
        h = np.maximum(0.0, np.minimum(b[j, 3], b[:j, 3]) - np.maximum(b[j, 1], b[:j, 1]))
        inter = w * h
        union = areas[j] + areas[:j] - inter
        if not np.any(inter > iou_threshold * union):
            keep.append(int(order[j]))
    return keep

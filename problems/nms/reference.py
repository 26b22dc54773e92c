"""Reference solution: greedy NMS over the boxes sorted once, one vectorised IoU row per kept box.

Boxes are sorted by descending score (a stable sort keeps tied scores in index order), so
box i can only be suppressed by a kept box before it. Each kept box compares itself with
every later box at once; a suppressed box is skipped. `inter > t · union` is the IoU test
without the division: two zero-area boxes (union 0) then never suppress each other.
"""

import numpy


def nms(boxes: numpy.ndarray, scores: numpy.ndarray, iou_threshold: float) -> list[int]:
    order = numpy.argsort(-scores, kind="stable")
    x1, y1, x2, y2 = boxes[order].T
    areas = (x2 - x1) * (y2 - y1)
    suppressed = numpy.zeros(len(order), dtype=bool)
    for i in range(len(order)):
        if suppressed[i]:
            continue
        later = slice(i + 1, None)
        width = numpy.minimum(x2[i], x2[later]) - numpy.maximum(x1[i], x1[later])
        height = numpy.minimum(y2[i], y2[later]) - numpy.maximum(y1[i], y1[later])
        inter = numpy.maximum(width, 0.0) * numpy.maximum(height, 0.0)
        union = areas[i] + areas[later] - inter
        suppressed[later] |= inter > iou_threshold * union
    return order[~suppressed].tolist()

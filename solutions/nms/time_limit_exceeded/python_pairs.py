# Right answers, pure Python: each box against every box kept so far, one pair at a time.
# With almost every box kept at n = 6000, that is ~1.8·10^7 IoUs in the interpreter.
def nms(boxes, scores, iou_threshold):
    b = boxes.tolist()
    s = scores.tolist()
    keep = []
    for j in sorted(range(len(s)), key=lambda i: (-s[i], i)):
        x1, y1, x2, y2 = b[j]
        area = (x2 - x1) * (y2 - y1)
        for i in keep:
            a1, b1, a2, b2 = b[i]
            w = min(x2, a2) - max(x1, a1)
            h = min(y2, b2) - max(y1, b1)
            if w > 0 and h > 0:
                inter = w * h
                if inter > iou_threshold * (area + (a2 - a1) * (b2 - b1) - inter):
                    break
        else:
            keep.append(j)
    return keep

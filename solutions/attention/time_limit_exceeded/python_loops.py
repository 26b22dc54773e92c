# Right answers, element-wise Python loops: every score is a 64-long dot product in Python,
# about 5·10^5 of them at full size, then as many multiply-adds again for the values.
import math

import numpy as np


def attention(q, k, v, mask):
    lead = q.shape[:-2]
    lq, d = q.shape[-2:]
    lk, dv = v.shape[-2:]
    allowed = np.broadcast_to(True if mask is None else mask, lead + (lq, lk))
    out = np.zeros(lead + (lq, dv))
    for index in np.ndindex(*lead):
        qs, ks, vs, ok = q[index].tolist(), k[index].tolist(), v[index].tolist(), allowed[index].tolist()
        for i in range(lq):
            scores = {}
            for j in range(lk):
                if ok[i][j]:
                    scores[j] = sum(a * b for a, b in zip(qs[i], ks[j])) / math.sqrt(d)
            if not scores:
                continue
            top = max(scores.values())
            weights = {j: math.exp(s - top) for j, s in scores.items()}
            total = sum(weights.values())
            row = [0.0] * dv
            for j, w in weights.items():
                for c in range(dv):
                    row[c] += w / total * vs[j][c]
            out[index + (i,)] = row
    return out

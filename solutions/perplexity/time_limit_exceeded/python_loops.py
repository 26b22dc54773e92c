# Right answers, Python loops over every logit, read one numpy scalar at a time and passed
# to np.exp: 1.7·10^6 unmasked logits at the largest size, each costing a Python-level
# index and a numpy scalar operation.
import numpy as np


def perplexity(logits, targets, mask):
    batch, positions, vocabulary = logits.shape
    total, count = 0.0, 0
    for b in range(batch):
        for t in range(positions):
            if not mask[b, t]:
                continue
            top = logits[b, t, 0]
            for v in range(1, vocabulary):
                top = max(top, logits[b, t, v])
            denominator = 0.0
            for v in range(vocabulary):
                denominator += np.exp(logits[b, t, v] - top)
            total += top + np.log(denominator) - logits[b, t, targets[b, t]]
            count += 1
    return float(np.exp(total / count))

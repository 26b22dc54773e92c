# Bug: averages the NLL within each sequence, then averages the sequences: every sequence
# weighs the same, however many unmasked tokens it has. Right when the lengths are equal.
import numpy as np


def perplexity(logits, targets, mask):
    top = logits.max(axis=-1, keepdims=True)
    log_softmax = logits - top - np.log(np.exp(logits - top).sum(axis=-1, keepdims=True))
    safe = np.where(mask, targets, 0)
    nll = -np.take_along_axis(log_softmax, safe[..., None], axis=-1)[..., 0]
    per_sequence = []
    for b in range(logits.shape[0]):
        if mask[b].any():
            per_sequence.append(nll[b][mask[b]].mean())
    return float(np.exp(np.mean(per_sequence)))

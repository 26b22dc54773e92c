# Vectorised over the whole batch: a max-shifted log-softmax at every position, the target's
# log-probability gathered (padding ids replaced by 0 first), then the mean over the mask.
import numpy as np


def perplexity(logits, targets, mask):
    shifted = logits - logits.max(axis=-1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    ids = np.where(mask, targets, 0)
    target_log_probs = np.take_along_axis(log_probs, ids[..., None], axis=-1)[..., 0]
    return float(np.exp(-target_log_probs[mask].mean()))

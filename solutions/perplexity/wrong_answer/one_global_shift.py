# Bug: shifts every logit by the maximum of the whole array instead of each position's own
# maximum. Positions whose logits lie ~745 below the global maximum underflow exp to 0, and
# log(0) = -inf.
import numpy as np


def perplexity(logits, targets, mask):
    top = logits.max()
    log_normaliser = top + np.log(np.exp(logits - top).sum(axis=-1))
    safe = np.where(mask, targets, 0)
    picked = np.take_along_axis(logits, safe[..., None], axis=-1)[..., 0]
    nll = (log_normaliser - picked)[mask]
    return float(np.exp(nll.mean()))

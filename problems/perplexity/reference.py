"""Reference solution: a stable log-softmax at the unmasked positions, then one mean.

The log of the softmax's denominator is computed as max + log(sum(exp(row - max))): every
exponent is at most 0, so nothing overflows, and the largest term is exp(0) = 1, so the sum
is at least 1 and its log is finite. The mean is over all unmasked tokens of the batch at
once (a token-weighted mean), and only the unmasked targets are read (padding may be -100).
"""

import numpy


def perplexity(logits: numpy.ndarray, targets: numpy.ndarray, mask: numpy.ndarray) -> float:
    rows = logits[mask]  # (K, V), a copy: one row of logits per unmasked token
    picked = rows[numpy.arange(rows.shape[0]), targets[mask]]
    top = rows.max(axis=1)
    rows -= top[:, None]  # in place: no second array of K·V values
    numpy.exp(rows, out=rows)
    nll = top + numpy.log(rows.sum(axis=1)) - picked
    return float(numpy.exp(nll.mean()))

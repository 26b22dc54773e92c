"""Reference solution: the log-sum-exp of each row, shifted by the row's maximum, minus the
target's logit; the mean over the rows.

With m the row's maximum, each loss is (m - target logit) + log(sum(exp(logits - m))):
the shifted exponentials lie in (0, 1] with at least one equal to 1, so nothing
overflows, the sum is at least 1, and a target far below the maximum gets its large loss
exactly instead of the log of a probability that underflowed to 0.
"""

import numpy


def cross_entropy(logits: numpy.ndarray, targets: numpy.ndarray) -> float:
    shifted = logits - numpy.max(logits, axis=1, keepdims=True)
    log_sums = numpy.log(numpy.sum(numpy.exp(shifted), axis=1))
    return float(numpy.mean(log_sums - shifted[numpy.arange(len(targets)), targets]))

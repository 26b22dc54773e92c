"""Reference solution: the loss of each logit as max(z, 0) - z·y + log(1 + exp(-|z|)).

That is log(1 + e^z) - z·y (the binary cross-entropy of sigmoid(z) against y) rearranged
so that exp only ever sees -|z| <= 0: it cannot overflow, and log1p keeps the small
loss of a confident right prediction (e^-30 ≈ 9.4e-14) instead of rounding it to 0.
"""

import numpy


def bce_with_logits(z: numpy.ndarray, y: numpy.ndarray) -> float:
    losses = numpy.maximum(z, 0) - z * y + numpy.log1p(numpy.exp(-numpy.abs(z)))
    return float(numpy.mean(losses))

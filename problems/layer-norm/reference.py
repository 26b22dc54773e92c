"""Reference solution: two passes over the last axis, mean first, then the variance of the
centred values (biased, divided by d), eps inside the square root.

Centring before squaring is what keeps a row such as 10^4 + 10^-3·k exact enough: the
one-pass E[x²] − E[x]² subtracts two numbers near 10^8 and loses the variance.
"""

import numpy


def layer_norm(
    x: numpy.ndarray, gamma: numpy.ndarray, beta: numpy.ndarray, eps: float = 1e-5
) -> numpy.ndarray:
    centred = x - numpy.mean(x, axis=-1, keepdims=True)
    variance = numpy.mean(centred * centred, axis=-1, keepdims=True)
    return centred / numpy.sqrt(variance + eps) * gamma + beta

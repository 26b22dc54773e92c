"""Reference solution: one (L, d/2) table of angles, broadcast over the leading axes.

Pair i of the vector at position p turns by p · base^(-2i/d). The even and odd halves of
each pair are taken with strided slices, rotated, and interleaved back by stacking them on
a new last axis, which the final reshape folds into d.
"""

import numpy


def rope(x: numpy.ndarray, positions: numpy.ndarray, base: float = 10000.0) -> numpy.ndarray:
    even, odd = x[..., 0::2], x[..., 1::2]
    frequencies = base ** (-2 * numpy.arange(even.shape[-1]) / x.shape[-1])
    angles = numpy.multiply.outer(positions, frequencies)
    cos, sin = numpy.cos(angles), numpy.sin(angles)
    rotated = numpy.stack([even * cos - odd * sin, even * sin + odd * cos], axis=-1)
    return rotated.reshape(x.shape)

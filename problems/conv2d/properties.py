"""2-D convolution: small batches of small images with asymmetric kernels, strides that do
not divide the padded size, kernels larger than the image, non-square shapes; stress at
10^6 output pixels and at 8 channels × 16 filters with stride 2."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

K_MAX, STRIDE_MAX, PADDING_MAX, VALUE_MAX = 7, 4, 3, 10.0
SIZE_MAX = 1100
ELEMENTS_MAX = 1_100_000
"""The most values in an input (N·C·H·W) or an output (N·F·OH·OW)."""

VALUES = st.integers(-3, 3).map(float) | st.floats(-VALUE_MAX, VALUE_MAX, allow_subnormal=False)
"""Small integers (exact sums, zeros, symmetric patterns), any value up to ±10, and ±10."""


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride + 1


@st.composite
def _convolutions(draw: st.DrawFn, max_size: int = 6) -> dict[str, Any]:
    """Shapes drawn so the kernel fits the padded image; kernels up to 7 may exceed the
    image itself, and strides up to 4 often do not divide H + 2p − KH."""
    n, c, f = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h, w = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    padding = draw(st.integers(0, PADDING_MAX))
    kh = draw(st.integers(1, min(K_MAX, h + 2 * padding)))
    kw = draw(st.integers(1, min(K_MAX, w + 2 * padding)))
    stride = draw(st.integers(1, STRIDE_MAX))
    elements = VALUES | st.sampled_from([-VALUE_MAX, VALUE_MAX])
    return {
        "x": draw(hnp.arrays(numpy.float64, (n, c, h, w), elements=elements)),
        "w": draw(hnp.arrays(numpy.float64, (f, c, kh, kw), elements=elements)),
        "stride": stride,
        "padding": padding,
    }


@st.composite
def _kernel_covers_image(draw: st.DrawFn) -> dict[str, Any]:
    """The kernel exactly as large as the padded image (one output pixel per row) or larger
    than the image itself, with a stride larger than what is left."""
    h, w = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    padding = draw(st.integers(1, PADDING_MAX))
    kh = draw(st.integers(h + 1, min(K_MAX, h + 2 * padding)))
    kw = draw(st.integers(1, min(K_MAX, w + 2 * padding)))
    c = draw(st.integers(1, 2))
    return {
        "x": draw(hnp.arrays(numpy.float64, (1, c, h, w), elements=VALUES)),
        "w": draw(hnp.arrays(numpy.float64, (2, c, kh, kw), elements=VALUES)),
        "stride": draw(st.integers(1, STRIDE_MAX)),
        "padding": padding,
    }


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Up to 2 images of up to 3 channels and 6 × 6 pixels (and some of 12 × 12), up to 3
    filters of up to 7 × 7, stride 1 to 4, padding 0 to 3; values are small integers or
    floats up to ±10. Shrinks towards one 1 × 1 image, a 1 × 1 kernel of zeros, stride 1
    and no padding."""
    return _convolutions() | _kernel_covers_image() | _convolutions(max_size=12)


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "x": numpy.asarray(values["x"], dtype=numpy.float64),
        "w": numpy.asarray(values["w"], dtype=numpy.float64),
        "stride": values["stride"],
        "padding": values["padding"],
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """A 1000 × 1100 image and a 3 × 4 kernel (1.1·10^6 output pixels, each a numpy call
    for a loop over pixels), and 4 images of 8 channels, 128 × 128, under 16 filters of
    5 × 3 with stride 2 and padding 2. Gaussian values, clipped to ±10."""
    generator = numpy.random.default_rng(rng.getrandbits(64))

    def gaussian(*shape: int) -> numpy.ndarray:
        return numpy.clip(generator.standard_normal(shape), -VALUE_MAX, VALUE_MAX)

    return [
        {"x": gaussian(1, 1, 1000, SIZE_MAX), "w": gaussian(1, 1, 3, 4), "stride": 1, "padding": 1},
        {"x": gaussian(4, 8, 128, 128), "w": gaussian(16, 8, 5, 3), "stride": 2, "padding": 2},
    ]

"""Symmetric per-channel int8 quantisation: tensors of 1 to 4 axes with the channel axis
anywhere (negative too), channels of exact halves, all-zero and tiny channels, channels
whose largest magnitude is negative; stress on a 2048 × 1024 weight matrix. The checker
wants exact int8 values except where floating point cannot settle a half."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.authoring import Check, CheckContext, float_mismatch

VALUE_MAX = 1e6
TINY = 1e-30
"""Nonzero values lie between TINY and VALUE_MAX in magnitude."""
ELEMENTS_MAX = 2048 * 1024

HALF_BAND = 1e-9
"""A quotient w / scale this close to a half may round either way, unless it is exactly
the half and the scale is a power of two (then every formula computes it exactly)."""


def _channel(shape: tuple[int, ...]) -> st.SearchStrategy[numpy.ndarray]:
    """One channel's values: small integers (times 1, 1/2, a huge or a tiny factor), exact
    halves of a power-of-two scale, any floats, or all zeros."""
    integers = hnp.arrays(numpy.float64, shape, elements=st.integers(-4, 4).map(float))
    scaled = st.tuples(integers, st.sampled_from([1.0, 0.5, 2.5e5, TINY, 3e-7])).map(
        lambda pair: pair[0] * pair[1]
    )
    floats = st.floats(-VALUE_MAX, VALUE_MAX, allow_subnormal=False).map(
        lambda v: v if abs(v) >= TINY else 0.0
    )
    return (
        scaled
        | _halves(shape)
        | hnp.arrays(numpy.float64, shape, elements=floats)
        | st.just(numpy.zeros(shape))
    )


@st.composite
def _halves(draw: st.DrawFn, shape: tuple[int, ...]) -> numpy.ndarray:
    """max |w| = 127·2^e (scale 2^e, exact) at one place, with either sign; the other
    values are (k + 1/2)·2^e or k·2^e: exact halves, which round to even."""
    unit = 2.0 ** draw(st.integers(-3, 3))
    k = draw(hnp.arrays(numpy.float64, shape, elements=st.integers(-127, 126).map(float)))
    half = draw(hnp.arrays(numpy.bool_, shape))
    values = numpy.array((k + 0.5 * half) * unit)  # 0-d for a 1-D tensor's channels
    peak = tuple(draw(st.integers(0, size - 1)) for size in shape)
    values[peak] = draw(st.sampled_from([-127.0, 127.0])) * unit
    return values


@st.composite
def _weights(draw: st.DrawFn) -> dict[str, Any]:
    ndim = draw(st.integers(1, 4))
    shape = draw(st.lists(st.integers(1, 4), min_size=ndim, max_size=ndim))
    axis = draw(st.integers(-ndim, ndim - 1))
    if draw(st.integers(0, 19)) == 0:
        shape[axis] = 0  # no channels at all
    w = numpy.zeros(shape)
    channels = numpy.moveaxis(w, axis, 0)  # a view: filling it fills w
    for c in range(shape[axis]):
        channels[c] = draw(_channel(channels.shape[1:]))
    return {"w": w, "axis": axis}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Tensors of 1 to 4 axes of length 1 to 4 (the channel axis sometimes 0), the axis from
    -ndim to ndim - 1, each channel drawn on its own: exact halves, all zeros, tiny (1e-30)
    or huge (10^6) values, small integers (often with a negative extreme), any floats.
    Shrinks towards one axis of one channel holding 0, axis 0."""
    return _weights()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {"w": numpy.asarray(values["w"], dtype=numpy.float64), "axis": values["axis"]}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """A 2048 × 1024 weight matrix, one scale per row (2.1·10^6 values): Gaussian rows of
    scales from 10^-3 to 10, 8 all-zero rows and 32 rows of exact halves. And a conv
    weight of shape (256, 128, 3, 3) quantised per input channel (axis 1)."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    rows, columns = 2048, 1024
    matrix = generator.standard_normal((rows, columns)) * 10.0 ** generator.uniform(
        -3, 1, (rows, 1)
    )
    matrix[::256] = 0.0
    halves = generator.integers(-254, 254, (rows // 64, columns)) / 2
    halves[:, 0] = 127.0
    matrix[1::64] = halves
    conv = generator.standard_normal((256, 128, 3, 3))
    return [{"w": matrix, "axis": 0}, {"w": conv, "axis": 1}]


def _show(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def allowed_values(
    w: numpy.ndarray, axis: int
) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """For each value: the quotient w / scale, the right int8 value (the quotient rounded
    half to even), the integer below the quotient, and whether both integers around it are
    accepted (floating point cannot settle a half: the quotient is within HALF_BAND of
    one, and not exactly on it with a power-of-two scale)."""
    others = tuple(a for a in range(w.ndim) if a != axis % w.ndim)
    scale = numpy.abs(w).max(axis=others, keepdims=True) / 127.0
    quotient = numpy.divide(w, scale, out=numpy.zeros_like(w), where=scale != 0)
    below = numpy.floor(quotient)
    near = numpy.abs(quotient - below - 0.5) <= HALF_BAND
    exact = (quotient - below == 0.5) & (numpy.frexp(scale)[0] == 0.5)  # a 2^e scale
    return quotient, numpy.rint(quotient), below, near & ~exact


def check(context: CheckContext) -> Check:
    """Scales within the tolerance (abs 0: an all-zero channel's scale is exactly 0); values
    an int8 array (or nested lists of ints) equal to the rounded quotients."""
    w, axis = context.case["w"], context.case["axis"]
    got = context.got
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return Check.reject(f"expected a pair (values, scales), got {_describe(got)}")
    values, scales = got
    reason = float_mismatch(context.expected[1], scales, context.tolerance)
    if reason is not None:
        return Check.reject(f"scales: {reason}")
    array = _int8_values(values, w.shape)
    if isinstance(array, str):
        return Check.reject(f"values: {array}")
    quotient, right, below, either = allowed_values(w, axis)
    wrong = (array != right) & ~(either & ((array == below) | (array == below + 1)))
    if not wrong.any():
        return Check.accept()
    first = tuple(int(i) for i in numpy.argwhere(wrong)[0])
    return Check.reject(
        f"values: {int(wrong.sum())} of {w.size} wrong, the first at index "
        f"[{', '.join(map(str, first))}]: w = {float(w[first])!r}, w / scale = "
        f"{float(quotient[first])!r} rounds (halves to even) to {int(right[first])}, "
        f"got {int(array[first])}"
    )


def _describe(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} items"
    return _show(value)


def _int8_values(values: Any, shape: tuple[int, ...]) -> numpy.ndarray | str:
    """The values as an int64 array of `shape`, or why they are not int8 values."""
    if isinstance(values, numpy.ndarray):
        if values.dtype != numpy.int8:
            return f"expected an array of dtype int8, got dtype {values.dtype}"
        array = values.astype(numpy.int64)
    elif isinstance(values, (list, tuple)):
        try:
            array = numpy.array(values, dtype=object)
        except ValueError:
            return "a list whose rows differ in length"
        items = array.ravel().tolist() if array.size else []
        if not all(type(v) is int and -128 <= v <= 127 for v in items):
            return "expected int8 values (a list must hold ints from -128 to 127 only)"
        array = array.astype(numpy.int64) if array.size else numpy.zeros(array.shape, numpy.int64)
    else:
        return f"expected an int8 array, got {_show(values)}"
    if array.shape != shape and not (array.size == 0 and math.prod(shape) == 0):
        return f"expected shape {shape}, got shape {array.shape}"
    return array.reshape(shape)

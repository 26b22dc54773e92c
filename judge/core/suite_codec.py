"""The suite cache's codec: trusted values to JSON and back, exactly.

Unlike the wire format (which refuses NaN and infinities, because a submission must not
send them as plain numbers), this codec carries everything a package's generators and
reference produce: non-finite floats, tuples, dicts with any hashable plain keys, numpy
arrays and scalars, `array.array`, and class-problem scripts. Anything else is
`Uncacheable`, and the suite is then built each time instead of cached.

    {"t": [...]}                         tuple
    {"q": base64}                        a long list of 64-bit ints, as raw bytes
    {"Q": [width, base64]}               a long list of equal-width tuples of 64-bit ints
    {"d": [[key, value], ...]}           dict (keys keep their types and order)
    {"f": "inf" | "-inf" | "nan"}        a non-finite float
    {"n": [dtype, shape, base64]}        numpy.ndarray (numeric or bool dtypes)
    {"g": [dtype, base64]}               numpy scalar
    {"a": [typecode, base64]}            array.array
    {"s": [init, [[method, calls], ...]]}  Script
    {"r": values}                        Remote (a sequence read item by item from the host)

The raw forms exist for speed: a stress case holds 10^5 to 10^6 numbers, which JSON parses
a hundred times slower than base64 bytes.
"""

from __future__ import annotations

import array
import base64
import itertools
import math
import sys
from typing import Any

from judge.core.cases import Remote, Script, Step

NUMERIC_KINDS = frozenset("biuf")
RAW_MIN = 256
"""Lists of ints shorter than this stay plain JSON (readable, and as fast)."""
INT64 = (-(2**63), 2**63 - 1)


class Uncacheable(ValueError):
    """A value this codec cannot carry exactly."""


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _int64s(values: Any) -> bool:
    """Whether every item is a plain int (not a bool) that fits 64 bits; C-speed loops."""
    items = list(values)
    return (
        bool(items)
        and set(map(type, items)) == {int}
        and INT64[0] <= min(items)
        and (max(items) <= INT64[1])
    )


def _tuple_width(values: list[Any]) -> int:
    """The width of a list of equal-width tuples of 64-bit ints (an edge list), else 0."""
    if not values or set(map(type, values)) != {tuple}:
        return 0
    widths = set(map(len, values))
    if len(widths) != 1 or not _int64s(itertools.chain.from_iterable(values)):
        return 0
    return widths.pop()


def pack(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else {"f": repr(value)}
    if isinstance(value, list):
        return _pack_list(value)
    if isinstance(value, tuple):
        return {"t": [pack(item) for item in value]}
    if isinstance(value, dict):
        return {"d": [[pack(key), pack(item)] for key, item in value.items()]}
    numpy = sys.modules.get("numpy")  # no ndarray exists unless numpy was imported
    if numpy is not None and isinstance(value, (numpy.ndarray, numpy.generic)):
        if value.dtype.kind not in NUMERIC_KINDS:
            raise Uncacheable(f"an array of dtype {value.dtype} cannot be cached")
        if isinstance(value, numpy.generic):
            return {"g": [value.dtype.str, _b64(value.tobytes())]}
        data = numpy.ascontiguousarray(value)
        return {"n": [data.dtype.str, list(data.shape), _b64(data.tobytes())]}
    if isinstance(value, array.array):
        return {"a": [value.typecode, _b64(value.tobytes())]}
    if isinstance(value, Script):
        steps = [[step.method, pack(step.calls)] for step in value.steps]
        return {"s": [pack(value.init), steps]}
    if isinstance(value, Remote):
        return {"r": pack(value.values)}
    raise Uncacheable(f"a {type(value).__name__} cannot be cached")


def _pack_list(value: list[Any]) -> Any:
    if len(value) >= RAW_MIN:
        if _int64s(value):
            return {"q": _b64(array.array("q", value).tobytes())}
        width = _tuple_width(value)
        if width:
            flat = array.array("q", itertools.chain.from_iterable(value))
            return {"Q": [width, _b64(flat.tobytes())]}
    return [pack(item) for item in value]


def _ints(raw: str) -> list[int]:
    values = array.array("q")
    values.frombytes(base64.b64decode(raw))
    return values.tolist()


_UNPACKED = frozenset({bool, str, int, float, type(None)})


def unpack(data: Any) -> Any:
    if data is None or isinstance(data, (bool, str, int, float)):
        return data
    if isinstance(data, list):
        if set(map(type, data)) <= _UNPACKED:  # a list of plain values is its own form
            return list(data)
        return [unpack(item) for item in data]
    ((tag, body),) = data.items()
    if tag == "t":
        return tuple(unpack(item) for item in body)
    if tag == "q":
        return _ints(body)
    if tag == "Q":
        width, raw = body
        return list(zip(*[iter(_ints(raw))] * width, strict=True))
    if tag == "d":
        return {unpack(key): unpack(item) for key, item in body}
    if tag == "f":
        return float(body)
    if tag in ("n", "g"):
        import numpy

        if tag == "g":
            dtype, raw = body
            return numpy.frombuffer(base64.b64decode(raw), dtype=dtype)[0]
        dtype, shape, raw = body
        return numpy.frombuffer(base64.b64decode(raw), dtype=dtype).reshape(shape).copy()
    if tag == "a":
        typecode, raw = body
        values = array.array(typecode)
        values.frombytes(base64.b64decode(raw))
        return values
    if tag == "r":
        return Remote(unpack(body))
    if tag == "s":
        init, steps = body
        return Script(unpack(init), tuple(Step(method, unpack(calls)) for method, calls in steps))
    raise Uncacheable(f"unknown tag {tag!r}")


def same(a: Any, b: Any) -> bool:
    """Equal in value and in type all the way down (NaN equals NaN), so that a cached case
    behaves exactly as the generated one: `[1]` is not `(1,)`, `1` is not `1.0` or `True`."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list) and len(a) >= RAW_MIN:
        # C-speed `==` for the long lists of ints and int tuples the raw forms carry; only
        # after the types are known: `==` on a list of ndarrays raises (ambiguous truth).
        if _int64s(a):
            return _int64s(b) and a == b
        width = _tuple_width(a)
        if width:
            return _tuple_width(b) == width and a == b
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(a, numpy.ndarray):
        return (
            a.dtype == b.dtype
            and a.shape == b.shape
            and bool(numpy.array_equal(a, b, equal_nan=a.dtype.kind == "f"))
        )
    if numpy is not None and isinstance(a, numpy.generic):
        return bool(a.dtype == b.dtype) and a.tobytes() == b.tobytes()
    if isinstance(a, array.array):
        return bool(a.typecode == b.typecode) and a.tobytes() == b.tobytes()
    if isinstance(a, Remote):
        return same(a.values, b.values)
    if isinstance(a, Script):
        return (
            same(a.init, b.init)
            and len(a.steps) == len(b.steps)
            and all(
                x.method == y.method and same(x.calls, y.calls)
                for x, y in zip(a.steps, b.steps, strict=True)
            )
        )
    return bool(a == b)

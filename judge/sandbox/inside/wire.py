"""The wire format between the host and the harness: one JSON object per line.

Standard library only: this file is mounted into the container beside the harness and
imported by the host too, so there is one encoder/decoder and not two copies that drift.

Values are plain JSON, with two tagged forms for typed binary data (never pickles):

    {"$array":   {"typecode": "q", "data": "<base64>"}}                  array.array
    {"$ndarray": {"dtype": "<f8", "shape": [2, 3], "data": "<base64>"}}  numpy.ndarray
    {"$tuple":   [...]}                                                  tuple
    {"$tuples":  [[...], ...]}                                           list of tuples
    {"$floats":  {"shape": [512, 512], "data": "<base64>"}}              nested lists of floats
    {"$float":   "nan" | "inf" | "-inf"}                                 a non-finite float
    {"$remote":  {"length": n, "source": k}}     a sequence read item by item from the host

A `$remote` sequence is how a sublinear problem (binary search) tells O(log n) from a scan
when sending the whole input would itself be O(n): the harness asks the host for each item
it reads (`{"id": n, "read": [source, index]}` -> `{"id": n, "item": value}`), so the host
counts the reads, and every read costs a round trip. Only requests carry it: the host
decodes replies without a `remote` factory, and refuses the tag there.

The last form is only a compact spelling: a large rectangular list of floats (a matrix
returned as `tolist()`) crosses as raw doubles and is rebuilt as the same nested lists, so
the harness need not build a 40 MB JSON text for 2·10^6 floats.

NaN and infinities are refused as plain JSON both ways (`allow_nan=False`, and `1e999` is
refused on reading); they travel only as `$float` tags or as bytes inside an ndarray, and
the problem's checker judges them (an expected infinity can be right; NaN never is).
Integers are bounded in size, and every line read is capped by the reader before it
reaches `decode_line`.
"""

from __future__ import annotations

import array
import base64
import enum
import itertools
import json
import math
import sys
from typing import Any


class Op(str, enum.Enum):
    """What a request asks the harness to do (the `op` field)."""

    LOAD = "load"
    """The host's first line: import the submission at `path`, entry point `entry`."""
    CALL = "call"
    """Call the entry function with `args`; the reply carries `value`."""
    NEW = "new"
    """Construct the entry class with `args`; the instance serves the next batches."""
    BATCH = "batch"
    """Call `method` once per item of `calls`; the reply carries `values` (null when void)."""
    EXIT = "exit"
    """End the harness; no reply."""


class ErrorKind(str, enum.Enum):
    """Why a reply has `ok: false` (the `error` field)."""

    EXCEPTION = "exception"
    """The submission's code raised."""
    MEMORY = "memory"
    """The submission's code raised MemoryError."""
    EXIT = "exit"
    """The submission's code called exit (SystemExit)."""
    UNENCODABLE = "unencodable"
    """The submission returned a value the wire cannot carry."""
    ENTRY = "entry"
    """Hello only: the file imports but lacks the entry point as specified."""
    COMPILE = "compile"
    """Hello only: the file does not import."""


HARNESS_STACK_BYTES = 64 * 1024 * 1024
"""Stack of the harness thread that runs submission code, so deep (but finite) recursion
works; the process sandbox adds it to its address-space limit."""

MAX_INT_DIGITS = 4300
"""Integers with more decimal digits than this are refused (CPython's own default cap)."""
MAX_INT_BITS = 14_000
"""The same bound in bits (4300 digits need about 14,284), checked without printing."""

ALLOWED_TYPECODES = frozenset("bBhHiIlLqQfd")
ALLOWED_DTYPE_KINDS = frozenset("biuf")
"""Only plain numeric dtypes cross the wire: no objects, strings, records or datetimes."""

FLOAT_BLOCK_MIN = 1024
"""Rectangular float lists with at least this many values travel as raw doubles."""

NON_FINITE = ("nan", "inf", "-inf")
"""The only floats that travel tagged: JSON has no literal for them, and the reader refuses
NaN, Infinity and overflowing literals such as 1e999 in plain JSON."""

MAX_DEPTH = 64
"""Nesting deeper than this is refused: a deeply nested reply must not blow the host's stack."""
MAX_DIMENSION = 1 << 31
"""The largest length of one array dimension the host accepts."""


# Bound once, when the harness loads this module before the submission: a submission that
# replaces json.dumps or json.loads later does not change how replies are written.
_dumps = json.dumps
_loads = json.loads


class WireError(ValueError):
    """A message that does not follow the wire format (the sender's fault)."""


def _numpy() -> Any:
    """numpy, imported lazily: the harness must not pay for it unless arrays cross the wire."""
    import numpy

    return numpy


def to_wire(value: Any, depth: int = 0) -> Any:
    """Convert a Python value into JSON-ready data; raise WireError for anything else."""
    if depth > MAX_DEPTH:
        raise WireError("value nested too deeply")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        if value.bit_length() > MAX_INT_BITS:
            raise WireError(f"an integer of {value.bit_length()} bits is too large")
        return int(value)
    if isinstance(value, float):
        if value != value or value in (math.inf, -math.inf):
            return {"$float": repr(float(value))}  # "nan", "inf", "-inf": never a JSON literal
        return float(value)
    if isinstance(value, list):
        block = _float_block(value) if len(value) > 1 else None
        if block is not None:
            shape, flat = block
            return {"$floats": {"shape": shape, "data": _b64(flat.tobytes())}}
        if depth < MAX_DEPTH and type(value) is list and _plain(value):
            return value
        if len(value) > 1 and set(map(type, value)) == {tuple}:
            # An edge list: one tag for the list instead of a tagged object per tuple.
            if depth + 1 < MAX_DEPTH and _plain(list(itertools.chain.from_iterable(value))):
                return {"$tuples": value}  # JSON writes tuples as arrays: nothing to copy
            return {"$tuples": [[to_wire(x, depth + 2) for x in item] for item in value]}
        return [to_wire(item, depth + 1) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [to_wire(item, depth + 1) for item in value]}
    if isinstance(value, dict):
        if not all(isinstance(key, str) and not key.startswith("$") for key in value):
            raise WireError("dict keys must be strings not starting with '$'")
        return {key: to_wire(item, depth + 1) for key, item in value.items()}
    if isinstance(value, array.array):
        if value.typecode not in ALLOWED_TYPECODES:
            raise WireError(f"array typecode {value.typecode!r} cannot cross the wire")
        return {"$array": {"typecode": value.typecode, "data": _b64(value.tobytes())}}
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        if isinstance(value, numpy.ndarray):
            return _ndarray_to_wire(numpy, value)
        if isinstance(value, numpy.generic) and value.dtype.kind in ALLOWED_DTYPE_KINDS:
            return to_wire(value.item(), depth)
    raise WireError(f"a value of type {type(value).__name__} cannot cross the wire")


_SCALARS = frozenset({int, str, bool, type(None)})
"""Types whose values (ints within the bound) are their own JSON form."""
_DECODED = frozenset({int, float, str, bool, type(None)})
"""What a decoded line's lists hold when they hold no tagged or nested value: the reader
has already refused over-long integers and non-finite floats."""


def _plain(items: list[Any]) -> bool:
    """Whether every item is a JSON scalar the wire passes unchanged: ints within the bound,
    strings, booleans, None, or (alone) finite floats. Checked in a few passes at C speed
    instead of a call per item: a stress case sends 10^5 of them, and replies as many."""
    kinds = set(map(type, items))
    if float in kinds:
        return kinds == {float} and all(map(math.isfinite, items))
    if not kinds <= _SCALARS:
        return False
    if int not in kinds:
        return True
    ints = items if len(kinds) == 1 else [item for item in items if type(item) is int]
    return max(max(ints).bit_length(), min(ints).bit_length()) <= MAX_INT_BITS


def _float_block(value: list[Any]) -> tuple[list[int], array.array] | None:  # type: ignore[type-arg]
    """Shape and values of a rectangular nested list of floats that is large enough."""
    shape: list[int] = []
    probe: Any = value
    while isinstance(probe, list) and probe:
        shape.append(len(probe))
        probe = probe[0]
    if type(probe) is not float or math.prod(shape) < FLOAT_BLOCK_MIN or len(shape) > MAX_DEPTH:
        return None
    flat = array.array("d")
    rows = [value]
    for size in shape[:-1]:
        next_rows = []
        for row in rows:
            if type(row) is not list or len(row) != size:
                return None
            next_rows.extend(row)
        rows = next_rows
    for row in rows:
        if type(row) is not list or len(row) != shape[-1]:
            return None
        if not all(type(item) is float for item in row):
            return None
        flat.extend(row)
    return shape, flat


def _floats_from_wire(body: Any) -> list[Any]:
    if not isinstance(body, dict) or set(body) != {"shape", "data"}:
        raise WireError("$floats needs exactly 'shape' and 'data'")
    shape = body["shape"]
    if not isinstance(shape, list) or not 1 <= len(shape) <= MAX_DEPTH:
        raise WireError("$floats shape must be a short non-empty list")
    if not all(
        isinstance(n, int) and not isinstance(n, bool) and 0 < n <= MAX_DIMENSION for n in shape
    ):
        raise WireError(f"$floats shape must hold integers from 1 to {MAX_DIMENSION}")
    flat = array.array("d")
    raw = _unb64(body["data"])
    if math.prod(shape) * flat.itemsize != len(raw):
        raise WireError("$floats data length does not match its shape")
    flat.frombytes(raw)
    rows: list[Any] = flat.tolist()
    for size in reversed(shape[1:]):
        rows = [rows[start : start + size] for start in range(0, len(rows), size)]
    return rows


def _ndarray_to_wire(numpy: Any, value: Any) -> dict[str, Any]:
    if value.dtype.kind not in ALLOWED_DTYPE_KINDS:
        raise WireError(f"ndarray of dtype {value.dtype} cannot cross the wire")
    contiguous = numpy.ascontiguousarray(value)
    return {
        "$ndarray": {
            "dtype": contiguous.dtype.str,
            "shape": list(contiguous.shape),
            "data": _b64(contiguous.tobytes()),
        }
    }


def from_wire(data: Any, depth: int = 0, remote: Any = None) -> Any:
    """Rebuild Python values from JSON data; raise WireError on anything malformed.

    `remote(length, source)` builds the value of a `$remote` tag (a sequence the harness
    reads from the host item by item); without it, as on the host, the tag is refused."""
    if depth > MAX_DEPTH:
        raise WireError("value nested too deeply")
    if data is None or isinstance(data, (bool, str, float)):
        return data
    if isinstance(data, int):
        return data
    if isinstance(data, list):
        if depth < MAX_DEPTH and set(map(type, data)) <= _DECODED:
            return list(data)
        return [from_wire(item, depth + 1, remote) for item in data]
    if isinstance(data, dict):
        if len(data) == 1:
            ((key, body),) = data.items()
            if key == "$remote" and remote is not None:
                return _remote_from_wire(body, remote)
            if key == "$tuple":
                if not isinstance(body, list):
                    raise WireError("$tuple must hold a list")
                return tuple(from_wire(item, depth + 1, remote) for item in body)
            if key == "$tuples":
                if not isinstance(body, list) or not all(isinstance(item, list) for item in body):
                    raise WireError("$tuples must hold a list of lists")
                plain = set(map(type, itertools.chain.from_iterable(body))) <= _DECODED
                if depth + 1 < MAX_DEPTH and plain:
                    return list(map(tuple, body))
                return [tuple(from_wire(x, depth + 2) for x in item) for item in body]
            if key == "$array":
                return _array_from_wire(body)
            if key == "$ndarray":
                return _ndarray_from_wire(body)
            if key == "$floats":
                return _floats_from_wire(body)
            if key == "$float":
                if body not in NON_FINITE:
                    raise WireError("$float must be 'nan', 'inf' or '-inf'")
                return float(body)
        if any(key.startswith("$") for key in data):
            raise WireError("unknown tagged value")
        return {key: from_wire(item, depth + 1, remote) for key, item in data.items()}
    raise WireError(f"unexpected JSON value of type {type(data).__name__}")


def remote_to_wire(length: int, source: int) -> dict[str, Any]:
    """The stand-in for a sequence the host keeps and serves one read at a time."""
    return {"$remote": {"length": length, "source": source}}


def _remote_from_wire(body: Any, remote: Any) -> Any:
    if not isinstance(body, dict) or set(body) != {"length", "source"}:
        raise WireError("$remote needs exactly 'length' and 'source'")
    length, source = body["length"], body["source"]
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (length, source)):
        raise WireError("$remote length and source must be non-negative integers")
    return remote(length, source)


def _array_from_wire(body: Any) -> array.array:  # type: ignore[type-arg]
    if not isinstance(body, dict) or set(body) != {"typecode", "data"}:
        raise WireError("$array needs exactly 'typecode' and 'data'")
    typecode = body["typecode"]
    if not isinstance(typecode, str) or typecode not in ALLOWED_TYPECODES:
        raise WireError(f"array typecode {typecode!r} is not allowed")
    raw = _unb64(body["data"])
    result = array.array(typecode)
    if len(raw) % result.itemsize:
        raise WireError("array data length is not a multiple of its item size")
    result.frombytes(raw)
    return result


def _ndarray_from_wire(body: Any) -> Any:
    if not isinstance(body, dict) or set(body) != {"dtype", "shape", "data"}:
        raise WireError("$ndarray needs exactly 'dtype', 'shape' and 'data'")
    numpy = _numpy()
    try:
        dtype = numpy.dtype(body["dtype"])
    except (TypeError, ValueError) as error:
        raise WireError(f"bad ndarray dtype: {error}") from None
    if dtype.kind not in ALLOWED_DTYPE_KINDS or not isinstance(body["dtype"], str):
        raise WireError(f"ndarray dtype {body['dtype']!r} is not allowed")
    shape = body["shape"]
    if not isinstance(shape, list) or len(shape) > 32:
        raise WireError("ndarray shape must be a short list")
    if not all(
        isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_DIMENSION for n in shape
    ):
        raise WireError(f"ndarray shape must hold integers from 0 to {MAX_DIMENSION}")
    raw = _unb64(body["data"])
    if math.prod(shape) * dtype.itemsize != len(raw):
        raise WireError("ndarray data length does not match its shape and dtype")
    try:
        return numpy.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    except ValueError as error:  # e.g. a zero-size array whose dimensions overflow numpy's
        raise WireError(f"ndarray cannot be rebuilt: {error}") from None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise WireError("binary data must be a base64 string")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise WireError("binary data is not valid base64") from None


def _refuse_constant(name: str) -> Any:
    raise WireError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (math.inf, -math.inf):  # "1e999" parses as infinity without parse_constant
        raise WireError(f"{text[:20]} is not a finite number")
    return value


def _bounded_int(text: str) -> int:
    digits = len(text) - (text[0] == "-")
    if digits > MAX_INT_DIGITS:
        raise WireError(f"integer with {digits} digits is too large")
    return int(text)


def _int_parser() -> Any:
    """None (the JSON reader's own C path) where the interpreter itself refuses integer
    literals longer than MAX_INT_DIGITS (its default since 3.11), else the check in Python,
    which costs a call per integer: a reply of 10^5 numbers makes 10^5 calls."""
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    return None if 0 < limit <= MAX_INT_DIGITS else _bounded_int


def encode_line(message: dict[str, Any]) -> bytes:
    """One message as one line of UTF-8 JSON, newline included. Values must be wire-ready."""
    return encode_object(message) + b"\n"


def encode_object(message: dict[str, Any]) -> bytes:
    """One message as one JSON object, without the newline."""
    try:
        text = _dumps(message, allow_nan=False, separators=(",", ":"), ensure_ascii=True)
    except ValueError as error:
        raise WireError(str(error)) from None
    return text.encode("ascii")


def with_id(request_id: int, encoded: bytes) -> bytes:
    """The line of a message encoded earlier without its id (`encode_object` of a non-empty
    dict): a big stress case is encoded once and sent, with a fresh id, to many sessions."""
    if not encoded.startswith(b'{"') or not encoded.endswith(b"}"):
        raise WireError("an encoded message must be a non-empty JSON object")
    return b'{"id":%d,%s\n' % (request_id, encoded[1:])


def decode_line(line: bytes) -> dict[str, Any]:
    """Parse one line into a message dict; raise WireError for anything that is not one."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise WireError("message is not valid UTF-8") from None
    try:
        message = _loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=_int_parser(),
            parse_float=_finite_float,
        )
    except RecursionError:
        raise WireError("message nested too deeply") from None
    except ValueError as error:
        if isinstance(error, WireError):
            raise
        if "integer string conversion" in str(error):  # the interpreter's own digit limit
            raise WireError(f"an integer of over {MAX_INT_DIGITS} digits is too large") from None
        raise WireError(f"message is not valid JSON: {error}") from None
    if not isinstance(message, dict):
        raise WireError("message must be a JSON object")
    return message

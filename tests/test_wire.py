"""The wire format: round trips, and refusal of everything that is not plain data."""

from __future__ import annotations

import array
import contextlib
import json
import sys

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from judge.core.suite_codec import same
from judge.sandbox.inside import wire

plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text().filter(lambda k: not k.startswith("$")), inner, max_size=3)
    ),
    max_leaves=20,
)


@given(plain)
def test_plain_values_round_trip(value: object) -> None:
    line = wire.encode_line({"value": wire.to_wire(value)})
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert wire.from_wire(wire.decode_line(line[:-1])["value"]) == value


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(2**64), 2**64)
    | st.text(max_size=3)
    | st.floats()
)


@given(
    st.lists(scalars, min_size=2)
    | st.lists(st.integers(), min_size=2)
    | st.lists(st.floats(), min_size=2)
    | st.lists(st.tuples(st.integers(), st.integers(), st.integers()), min_size=2)
    | st.lists(st.tuples(scalars, scalars), min_size=2)
    | st.lists(st.tuples(st.integers(), st.lists(st.integers(), max_size=2)), min_size=2)
)
def test_long_flat_lists_round_trip_with_their_exact_types(value: list[object]) -> None:
    """Lists of scalars and of tuples take fast paths both ways (no call per item): a bool
    stays a bool, a tuple a tuple, NaN and infinities tagged, nested values still walked."""
    line = wire.encode_line({"value": wire.to_wire(value)})
    assert b"NaN" not in line and b"Infinity" not in line
    assert same(wire.from_wire(wire.decode_line(line)["value"]), value)


@pytest.mark.parametrize("value", [[1, 10**5000], [(1, 2), (3, -(10**5000))], [True, 10**5000]])
def test_an_integer_over_the_bound_is_refused_inside_a_long_list(value: object) -> None:
    with pytest.raises(wire.WireError, match="too large"):
        wire.to_wire(value)


@pytest.mark.parametrize("interpreter_limit", [None, 0])
def test_an_over_long_integer_literal_is_refused_whatever_the_interpreters_limit(
    interpreter_limit: int | None,
) -> None:
    """The reader leans on the interpreter's own digit limit when it has one, and checks
    each literal itself when it has none (`sys.set_int_max_str_digits(0)`)."""
    before = sys.get_int_max_str_digits()
    try:
        if interpreter_limit is not None:
            sys.set_int_max_str_digits(interpreter_limit)
        with pytest.raises(wire.WireError, match="too large"):
            wire.decode_line(b'{"value": [1, ' + b"9" * (wire.MAX_INT_DIGITS + 1) + b"]}")
        line = b'{"value": ' + b"9" * wire.MAX_INT_DIGITS + b"}"
        assert wire.decode_line(line)["value"] == 10**wire.MAX_INT_DIGITS - 1
    finally:
        sys.set_int_max_str_digits(before)


def test_ndarray_travels_as_typed_bytes() -> None:
    matrix = numpy.arange(12, dtype=numpy.float64).reshape(3, 4) / 7
    encoded = wire.to_wire(matrix)
    assert set(encoded["$ndarray"]) == {"dtype", "shape", "data"}
    decoded = wire.from_wire(json.loads(json.dumps(encoded)))
    assert decoded.dtype == numpy.float64 and decoded.shape == (3, 4)
    assert numpy.array_equal(decoded, matrix)


def test_large_float_matrices_cross_as_raw_doubles_and_come_back_as_lists() -> None:
    matrix = [[float(i * 40 + j) / 3 for j in range(40)] for i in range(40)]
    encoded = wire.to_wire(matrix)
    assert set(encoded) == {"$floats"}
    assert wire.from_wire(json.loads(json.dumps(encoded))) == matrix
    ragged = [*matrix, [1.0]]
    assert isinstance(wire.to_wire(ragged), list)
    mixed = [[1.0] * 40 for _ in range(39)] + [[1.0] * 39 + [1]]
    assert wire.from_wire(wire.to_wire(mixed)) == mixed and isinstance(wire.to_wire(mixed), list)


def test_lists_of_tuples_travel_compactly() -> None:
    edges = [(0, 1, 5), (1, 2, 0), (2, 0, 10**9)]
    encoded = wire.to_wire(edges)
    assert set(encoded) == {"$tuples"}
    assert wire.from_wire(json.loads(json.dumps(encoded))) == edges


def test_array_module_arrays_round_trip() -> None:
    values = array.array("q", [1, -2, 3 * 10**17])
    assert wire.from_wire(wire.to_wire(values)) == values


def test_non_finite_floats_travel_tagged_never_as_json_literals() -> None:
    """KL divergence can be infinite: an answer may carry inf, and the checker judges it.
    Plain JSON never holds NaN or Infinity, and a bare non-finite float is refused."""
    values = [float("inf"), [float("-inf"), 1.0], {"kl": float("inf")}]
    for value in values:
        line = wire.encode_line({"value": wire.to_wire(value)})
        assert b"Infinity" not in line and b"NaN" not in line
        assert wire.from_wire(wire.decode_line(line)["value"]) == value
    nan = wire.from_wire(wire.decode_line(wire.encode_line({"v": wire.to_wire(float("nan"))}))["v"])
    assert nan != nan
    with pytest.raises(wire.WireError):
        wire.encode_line({"value": float("inf")})  # not through to_wire: refused
    with pytest.raises(wire.WireError):
        wire.from_wire({"$float": "1e999"})


@pytest.mark.parametrize(
    "line",
    [
        b'{"value": NaN}',
        b'{"value": Infinity}',
        b'{"value": ' + b"9" * 5000 + b"}",
        b"\xff\xfe not utf-8",
        b"[1, 2]",
        b"{not json",
        b'{"v": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ],
)
def test_hostile_lines_are_refused(line: bytes) -> None:
    with pytest.raises(wire.WireError):
        wire.from_wire(wire.decode_line(line))


@pytest.mark.parametrize(
    "data",
    [
        {"$ndarray": {"dtype": "|O", "shape": [1], "data": ""}},
        {"$ndarray": {"dtype": "<f8", "shape": [3], "data": "AAAA"}},
        {"$ndarray": {"dtype": "<f8", "shape": [-1], "data": ""}},
        {"$ndarray": {"dtype": "<U4", "shape": [1], "data": "AAAAAAAAAAAAAAAAAAAAAA=="}},
        {"$array": {"typecode": "u", "data": ""}},
        {"$array": {"typecode": "q", "data": "not base64!"}},
        {"$tuple": "nope"},
        {"$tuples": [1, 2]},
        {"$floats": {"shape": [2, 2], "data": "AAAA"}},
        {"$floats": {"shape": [0], "data": ""}},
        {"$pickle": "gASV"},
    ],
)
def test_malformed_tagged_values_are_refused(data: object) -> None:
    with pytest.raises(wire.WireError):
        wire.from_wire(data)


@pytest.mark.parametrize(
    "value", [{1, 2}, iter([]), object(), b"bytes", {"$tuple": 1}, numpy.array(["a"])]
)
def test_unencodable_values_are_refused(value: object) -> None:
    with pytest.raises(wire.WireError):
        wire.to_wire(value)


def test_lone_surrogates_decode_to_data_not_errors() -> None:
    decoded = wire.decode_line(b'{"value": "\\ud800"}')
    assert decoded["value"] == "\ud800"


# --- the host's decoder against anything a sandbox can send ------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**500), max_value=10**500)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=25,
)
"""Arbitrary JSON, as a submission that rewrote the harness could send."""
dimensions = st.integers(min_value=-3, max_value=2**70) | json_values
tagged = st.one_of(
    st.builds(lambda body: {"$tuple": body}, json_values),
    st.builds(lambda body: {"$tuples": body}, json_values),
    st.builds(
        lambda typecode, data: {"$array": {"typecode": typecode, "data": data}},
        st.sampled_from(list("bBhHiIlLqQfdu")) | json_values,
        st.sampled_from(["", "AAAAAAAAAAA=", "!!", "AA=="]) | json_values,
    ),
    st.builds(
        lambda dtype, shape, data: {"$ndarray": {"dtype": dtype, "shape": shape, "data": data}},
        st.sampled_from(["<f8", "|b1", "<i4", "O", "<U3", "V8", "<M8"]) | json_values,
        st.lists(dimensions, max_size=6) | json_values,
        st.sampled_from(["", "AAAAAAAAAAA=", "AAAA"]) | json_values,
    ),
    st.builds(
        lambda shape, data: {"$floats": {"shape": shape, "data": data}},
        st.lists(dimensions, max_size=4) | json_values,
        st.sampled_from(["", "AAAAAAAAAAA=", "AAAA"]) | json_values,
    ),
)
replies = st.recursive(
    json_values | tagged,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@given(replies)
def test_decoding_any_value_either_works_or_is_a_wire_error(data: object) -> None:
    """Every field of every reply is untrusted: the host's decoder raises nothing but
    WireError, which the runner turns into the submission's verdict."""
    with contextlib.suppress(wire.WireError):
        wire.from_wire(data)


@given(st.binary(max_size=300) | replies.map(lambda value: json.dumps(value).encode()))
def test_decoding_any_line_either_works_or_is_a_wire_error(line: bytes) -> None:
    try:
        message = wire.decode_line(line)
    except wire.WireError:
        return
    assert isinstance(message, dict)
    with contextlib.suppress(wire.WireError):
        wire.from_wire(message)


def test_hostile_shapes_and_typecodes_are_wire_errors() -> None:
    """The red team's examples: a list for a typecode, a zero-size array with dimensions no
    numpy can hold, a time beyond any clock, and a float literal that parses as infinity."""
    hostile = [
        {"$array": {"typecode": ["q"], "data": ""}},
        {"$ndarray": {"dtype": "<f8", "shape": [0, 2**31, 2**31, 2**31], "data": ""}},
        {"$ndarray": {"dtype": "<f8", "shape": [0, 2**80], "data": ""}},
        {"$floats": {"shape": [2**80], "data": ""}},
    ]
    for value in hostile:
        with pytest.raises(wire.WireError):
            wire.from_wire(value)
    with pytest.raises(wire.WireError):
        wire.decode_line(b'{"value": 1e999}')

"""Top K of a Stream: scripts of adds and tops, and stress streams of 2·10^6 values."""

from __future__ import annotations

import array
import random
from typing import Any

import numpy
from hypothesis import strategies as st

from judge.authoring import Script, Step, script_from_calls, stream

MAX_STREAM = 2 * 10**6
LIMIT = 10**9


@st.composite
def _script(draw: st.DrawFn) -> Script:
    k = draw(st.integers(1, 8))
    values = st.integers(-5, 5) | st.integers(-LIMIT, LIMIT)
    call = values.map(lambda x: ["add", x]) | st.just(["top"])
    calls = draw(st.lists(call, max_size=40))
    return script_from_calls((k,), [*calls, ["top"]])


def cases() -> st.SearchStrategy[Any]:
    """Small k (1..8) against streams with duplicates, negatives, extremes, runs of equal
    values, k larger than the stream, and tops between adds (even before any add). Shrinks
    towards fewer calls, k = 1 and values near zero."""
    return _script()


def from_example(values: dict[str, Any]) -> Script:
    return script_from_calls((values["k"],), values["calls"])


def _stress_script(k: int, values: array.array, tops: int) -> Script:  # type: ignore[type-arg]
    """The stream in `tops` equal parts, a top() after each part."""
    part = len(values) // tops
    steps: list[Step] = []
    for index in range(tops):
        steps.append(stream("add", values[index * part : (index + 1) * part]))
        steps.append(Step("top", [()]))
    return Script((k,), tuple(steps))


def stress_cases(rng: random.Random) -> list[Script]:
    """2·10^6 random values (k = 100), and 2·10^6 ascending values (every add enters the
    top; k = 1000) — the worst case for a heap and for anything that stores the stream."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    random_values = array.array(
        "q", generator.integers(-LIMIT, LIMIT, MAX_STREAM, endpoint=True).tobytes()
    )
    ascending = array.array("q", range(-LIMIT, -LIMIT + MAX_STREAM))
    return [_stress_script(100, random_values, 10), _stress_script(1000, ascending, 4)]

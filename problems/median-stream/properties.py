"""Median of a Stream: scripts of adds and medians, and stress streams of 5·10^5 values."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Script, Step, calls, script_from_calls, stream

MAX_ADDS = 5 * 10**5
LIMIT = 10**9

VALUES = st.integers(-3, 3) | st.sampled_from([-LIMIT, LIMIT]) | st.integers(-LIMIT, LIMIT)
"""Mostly a few small values (repeats, equal middle values), the extremes, and any."""


@st.composite
def _monotone(draw: st.DrawFn) -> Script:
    """A run of values in ascending or descending order (each new value lands on one side,
    so the halves must be rebalanced every time), a median() after each add."""
    values = sorted(draw(st.lists(VALUES, min_size=1, max_size=12)))
    if draw(st.booleans()):
        values.reverse()
    return script_from_calls((), [call for x in values for call in (["add", x], ["median"])])


def cases() -> st.SearchStrategy[Any]:
    """Up to 50 adds and median() calls in any order, median() before any add (None) and
    after a single add included, with repeats, negatives and ±10^9 (middle sums reach
    ±2·10^9), then a last median(); and ascending or descending runs with a median() after
    every add. A failure shrinks to the shortest failing sequence of calls, then towards
    adds of 0."""
    scripts = calls(
        methods={"add": st.tuples(VALUES), "median": st.tuples()},
        max_calls=50,
        end=[["median"]],
    )
    return scripts | _monotone()


def from_example(values: dict[str, Any]) -> Script:
    return script_from_calls((), values["calls"])


def _in_parts(values: list[int], parts: int) -> Script:
    """The values streamed to add() in `parts` equal parts, a median() after each."""
    size = len(values) // parts
    steps: list[Step] = []
    for index in range(parts):
        steps.append(stream("add", values[index * size : (index + 1) * size]))
        steps.append(Step("median", [()]))
    return Script((), tuple(steps))


def stress_cases(rng: random.Random) -> list[Script]:
    """5·10^5 adds each: distinct values in descending order, in 50 parts (each value goes
    to the front of a sorted list: insort moves the whole list every time), and random
    values in 500 parts (insort moves half the list on average; re-sorting at each median()
    sorts up to 5·10^5 values 500 times)."""
    descending = sorted(rng.sample(range(-LIMIT, LIMIT + 1), MAX_ADDS), reverse=True)
    uniform = [rng.randint(-LIMIT, LIMIT) for _ in range(MAX_ADDS)]
    return [_in_parts(descending, 50), _in_parts(uniform, 500)]

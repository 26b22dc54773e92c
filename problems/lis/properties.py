"""Longest increasing subsequence: inputs, stress inputs, and the checker (any longest
strictly increasing subsequence is accepted)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import valid_answer

MAX_N = 2 * 10**5
LIMIT = 10**9
SHOWN = 12

SMALL = st.integers(-5, 5)
WIDE = st.integers(-LIMIT, LIMIT) | st.sampled_from([-LIMIT, LIMIT, 0])


def _case(nums: list[int]) -> dict[str, Any]:
    return {"nums": nums}


@st.composite
def _planted(draw: st.DrawFn) -> dict[str, Any]:
    """Noise from -20 to 20 with a longer increasing run of values interleaved into it."""
    noise = draw(st.lists(st.integers(-20, 20), max_size=30))
    run = sorted(draw(st.sets(st.integers(-20, 20), max_size=12)))
    nums = list(noise)
    for value in run:
        nums.insert(draw(st.integers(0, len(nums))), value)
    return _case(nums)


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Empty and one-value lists, small values (-5 to 5: many repeats and ties between
    answers), values across the whole range with the extremes, sorted (increasing,
    non-decreasing with repeats), decreasing and constant lists, planted increasing runs,
    and lists of up to 300 values. Shrinks towards short lists of zeros."""
    fixed = st.sampled_from(
        [
            _case([]),
            _case([7]),
            _case([4, 4, 4, 4]),
            _case([-LIMIT, LIMIT]),
            _case([LIMIT, -LIMIT]),
            _case([1, 2, 2, 3]),
            _case([3, 4, 1]),
            _case([1, 5, 2, 3]),
        ]
    )
    return (
        st.lists(SMALL, max_size=20).map(_case)
        | st.lists(WIDE, max_size=20).map(_case)
        | st.lists(SMALL, max_size=20).map(lambda nums: _case(sorted(nums)))
        | st.lists(WIDE, max_size=20).map(lambda nums: _case(sorted(nums, reverse=True)))
        | _planted()
        | fixed
        | st.lists(st.integers(-50, 50), max_size=300).map(_case)
    )


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """n = 2·10^5: an increasing trend with noise and repeats (an answer of about half the
    values), random values over the whole range (an answer of about 900), and a sorted list
    where each value repeats about four times (the answer: one of each value)."""
    trend = [i - MAX_N // 2 + rng.randint(-3, 3) for i in range(MAX_N)]
    spread = [rng.randint(-LIMIT, LIMIT) for _ in range(MAX_N)]
    pool = rng.sample(range(-LIMIT, LIMIT + 1), MAX_N // 4)
    repeated = sorted(rng.choice(pool) for _ in range(MAX_N))
    return [_case(trend), _case(spread), _case(repeated)]


def _show(values: list[Any]) -> str:
    if len(values) <= SHOWN:
        return repr(values)
    return f"{values[:SHOWN]!r}… ({len(values)} values)"


def valid(case: dict[str, Any], got: Any) -> str | None:
    """None when `got` is a strictly increasing subsequence of `nums`, else why not."""
    if not isinstance(got, (list, tuple)):
        return f"the answer must be a list of integers, got {type(got).__name__}"
    wrong = next((value for value in got if type(value) is not int), None)
    if wrong is not None:
        return f"the answer must be a list of integers, but it holds {wrong!r}"
    for k in range(1, len(got)):
        if got[k - 1] >= got[k]:
            return (
                f"{_show(list(got))} is not strictly increasing: "
                f"{got[k - 1]} at index {k - 1} is followed by {got[k]}"
            )
    remaining = iter(case["nums"])
    for k, value in enumerate(got):
        if value not in remaining:
            return (
                f"{_show(list(got))} is not a subsequence of nums: no {value} after the "
                f"values before it (index {k} of the answer)"
            )
    return None


check = valid_answer(valid, objective=lambda case, answer: len(answer), goal="max", name="length")

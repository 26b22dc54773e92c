"""Search in a rotated sorted list: inputs, stress inputs and example conversion (the
checker is `exact`). `nums` is always a `Remote`: the submission reads it item by item from
the host, so a scan of 10^6 items runs out of time while a binary search does not."""

from __future__ import annotations

import random
from itertools import accumulate, pairwise
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Remote

MAX_N = 10**6
LIMIT = 10**9

VALUES = st.integers(-20, 20) | st.integers(-LIMIT, LIMIT) | st.sampled_from([-LIMIT, LIMIT])
"""Small values (gaps of one or two, so an absent target sits right next to present ones),
the extremes, and any."""


def rotate(values: list[int], k: int) -> list[int]:
    """`values` (sorted) rotated by k: its first k values moved, in order, to the end."""
    return values[k:] + values[:k]


def _case(nums: list[int], target: int) -> dict[str, Any]:
    return {"nums": Remote(nums), "target": target}


@st.composite
def _rotated(draw: st.DrawFn, max_size: int = 20) -> dict[str, Any]:
    """A rotation of distinct sorted values (by 0, 1, n - 1 or any k) and a target that is
    present (anywhere, at either end, at the smallest or the largest value) or absent
    (between two values, below all, above all, or any value)."""
    values = sorted(draw(st.sets(VALUES, max_size=max_size)))
    n = len(values)
    k = draw(st.sampled_from([0, 1, n - 1]) | st.integers(0, n - 1)) % n if n else 0
    nums = rotate(values, k)
    targets = [st.integers(-LIMIT, LIMIT)]
    if n:
        beyond = [t for t in (values[0] - 1, values[-1] + 1) if abs(t) <= LIMIT]
        missing = [v + 1 for v, w in pairwise(values) if w > v + 1]
        targets += [
            st.sampled_from(nums),
            st.sampled_from([nums[0], nums[-1], values[0], values[-1]]),
            *(st.sampled_from(choices) for choices in (beyond, missing) if choices),
        ]
    return _case(nums, draw(st.one_of(targets)))


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Up to 20 distinct values (some lists of up to 200) rotated by 0, 1, n - 1 or any k:
    the empty list, one value, two values either way round, targets at the pivot (the
    smallest value), at index 0 and n - 1, and missing targets between the values, below
    them and above them; values up to ±10^9. Shrinks towards the empty list and target 0,
    then towards fewer, smaller values and rotation 0."""
    fixed = st.sampled_from(
        [
            _case([], 0),
            _case([5], 5),
            _case([5], 4),
            _case([5], 6),
            _case([1, 2], 1),
            _case([2, 1], 1),
            _case([2, 1], 2),
            _case([2, 1], 3),
            _case([3, 1, 2], 2),
            _case([-LIMIT, LIMIT], LIMIT),
            _case([LIMIT, -LIMIT], -LIMIT),
        ]
    )
    return _rotated() | fixed | _rotated(max_size=200)


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return _case(values["nums"], values["target"])


def _sorted_values(rng: random.Random) -> list[int]:
    """MAX_N increasing values from -10^9 upwards, gaps of 2 to 1999 (room for a missing
    target between any two neighbours), all within ±10^9."""
    gaps = rng.choices(range(2, 2000), k=MAX_N - 1)
    return list(accumulate(gaps, initial=-LIMIT + rng.randrange(1000)))


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 10^6), where reading every item takes far longer than the limit:
    a rotation by about half with a missing target (every scan reads all of nums), a
    rotation by n - 1 with the target at the last index, and a rotation by 1 with the
    target at the pivot, the last index (a scan for the pivot reads everything)."""
    values = _sorted_values(rng)
    k = MAX_N // 2 + rng.randrange(-1000, 1000)
    middle = rotate(values, k)
    gap = rng.randrange(MAX_N // 4, 3 * MAX_N // 4)
    last = rotate(values, MAX_N - 1)
    return [
        _case(middle, middle[gap] + 1),
        _case(last, last[-1]),
        _case(rotate(values, 1), values[0]),
    ]

"""Two Sum: inputs, stress inputs, and the checker (any valid pair is accepted)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Check, CheckContext

LIMIT = 10**9
MAX_N = 10**5


@st.composite
def _planted(draw: st.DrawFn) -> dict[str, Any]:
    """A list with a pair planted to hit the target (often), built to shrink to tiny lists."""
    values = st.integers(-LIMIT // 2, LIMIT // 2) | st.integers(-5, 5)
    nums = draw(st.lists(values, max_size=40))
    if draw(st.booleans()) and len(nums) >= 2:
        i, j = draw(st.lists(st.integers(0, len(nums) - 1), min_size=2, max_size=2, unique=True))
        return {"nums": nums, "target": nums[i] + nums[j]}
    return {"nums": nums, "target": draw(values)}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Empty and single-element lists, duplicates (target = 2 * x with x once or twice),
    negatives, no-solution cases and extreme values; shrinks towards short lists of zeros."""
    extremes = st.sampled_from([-LIMIT // 2, LIMIT // 2, 0])
    duplicates = st.builds(
        lambda x, n: {"nums": [x] * n, "target": 2 * x},
        st.integers(-5, 5),
        st.integers(0, 3),
    )
    edges = st.builds(
        lambda nums, target: {"nums": nums, "target": target},
        st.lists(extremes, max_size=4),
        st.sampled_from([-LIMIT, 0, LIMIT]),
    )
    return _planted() | duplicates | edges


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size: the only pair at the very end, and no pair at all."""
    distinct = rng.sample(range(0, LIMIT // 2), MAX_N)
    late = {"nums": distinct, "target": distinct[-1] + distinct[-2]}
    odds = [2 * rng.randrange(LIMIT // 4) + 1 for _ in range(MAX_N)]
    impossible = {"nums": odds, "target": 1}  # odd + odd is even: no pair sums to 1
    return [late, impossible]


def check(context: CheckContext) -> Check:
    nums, target = context.case["nums"], context.case["target"]
    got = context.got
    if context.expected is None:
        if got is None:
            return Check.accept()
        return Check.reject("there is no valid pair, so the answer must be None")
    if got is None:
        return Check.reject("a valid pair exists, but the answer was None")
    if not isinstance(got, (list, tuple)) or len(got) != 2:
        return Check.reject("the answer must be a pair of indices (i, j)")
    i, j = got
    if not all(isinstance(k, int) and not isinstance(k, bool) for k in (i, j)):
        return Check.reject("indices must be integers")
    if not (0 <= i < len(nums) and 0 <= j < len(nums)):
        return Check.reject(f"index out of range for a list of length {len(nums)}")
    if i == j:
        return Check.reject("the two indices must be distinct")
    if nums[i] + nums[j] != target:
        return Check.reject(f"nums[{i}] + nums[{j}] = {nums[i] + nums[j]}, not {target}")
    return Check.accept()

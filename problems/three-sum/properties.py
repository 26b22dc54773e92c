"""Three Sum: inputs, stress inputs, and the checker (any order, each triplet once).

An answer is the set of triplets of values: the checker accepts the triplets in any order,
the three values of each in any order, as tuples or lists, and rejects a triplet listed
twice (in any order), one that does not sum to 0 or needs more copies of a value than
`nums` holds, and any triplet left out.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Check, CheckContext, ExpectedAnswerError

LIMIT = 10**5
MAX_N = 1500

Triplet = tuple[int, int, int]


def _case(nums: list[int]) -> dict[str, Any]:
    return {"nums": nums}


@st.composite
def _planted(draw: st.DrawFn) -> dict[str, Any]:
    """Values of any size with a few zero-sum triplets planted among them (often reusing a
    value, so that duplicates matter), shuffled."""
    values = st.integers(-LIMIT, LIMIT)
    nums = draw(st.lists(values, max_size=12))
    for _ in range(draw(st.integers(1, 3))):
        a = draw(values)
        b = draw(st.sampled_from([*nums, a]) if draw(st.booleans()) else values)
        if -LIMIT <= -a - b <= LIMIT:
            nums += [a, b, -a - b]
    return _case(draw(st.permutations(nums)))


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Short lists of values in -6..6 (many duplicates and many triplets, zeros included),
    lists of up to 60 values in -30..30, planted triplets among values up to ±10^5, the
    extremes (±10^5, ±5·10^4, 0), lists with no triplet at all (all positive, all odd), and
    fixed edges: empty, one or two values, two, three and four zeros. Shrinks towards the
    empty list, then towards short lists of zeros."""
    fixed = st.sampled_from(
        [
            _case([]),
            _case([0]),
            _case([0, 0]),
            _case([0, 0, 0]),
            _case([0, 0, 0, 0]),
            _case([-1, 0, 1]),
            _case([1, -2, 1]),
            _case([-2, 0, 0, 2, 2]),
            _case([LIMIT, -LIMIT, 0]),
            _case([-LIMIT, LIMIT // 2, LIMIT // 2]),
            _case([LIMIT, LIMIT, -LIMIT, -LIMIT]),
        ]
    )
    small = st.lists(st.integers(-6, 6), max_size=14).map(_case)
    medium = st.lists(st.integers(-30, 30), max_size=60).map(_case)
    extremes = st.lists(
        st.sampled_from([-LIMIT, -LIMIT // 2, 0, LIMIT // 2, LIMIT]), max_size=10
    ).map(_case)
    positive = st.lists(st.integers(1, LIMIT), max_size=10).map(_case)
    odd = st.lists(st.integers(-5, 4).map(lambda k: 2 * k + 1), max_size=14).map(_case)
    return small | fixed | _planted() | medium | extremes | positive | odd


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 1500), with answers kept small (the search, not the output, is the
    work): random values over the whole range (about 2·10^3 triplets), and odd values only
    (no triplet at all: odd + odd + odd is odd)."""
    spread = [rng.randint(-LIMIT, LIMIT) for _ in range(MAX_N)]
    odd = [2 * rng.randrange(-LIMIT // 2, LIMIT // 2) + 1 for _ in range(MAX_N)]
    return [_case(spread), _case(odd)]


def _as_triplet(item: Any) -> Triplet | None:
    """The triplet's values in ascending order, or None when `item` is not three ints."""
    if not isinstance(item, (list, tuple)) or len(item) != 3:
        return None
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in item):
        return None
    low, mid, high = sorted(item)
    return (low, mid, high)


def _fault(triplet: Triplet, counts: Counter[int]) -> str | None:
    """Why `triplet` (sorted) is not a zero-sum triplet of `nums`, or None."""
    if sum(triplet) != 0:
        return f"{list(triplet)} sums to {sum(triplet)}, not 0"
    for value, needed in Counter(triplet).items():
        if counts[value] < needed:
            return (
                f"{list(triplet)} needs {needed} copies of {value}, but nums holds {counts[value]}"
            )
    return None


def check(context: CheckContext) -> Check:
    got = context.got
    if not isinstance(got, (list, tuple)):
        return Check.reject(f"the answer must be a list of triplets, got {type(got).__name__}")
    counts = Counter(context.case["nums"])
    found: set[Triplet] = set()
    for position, item in enumerate(got):
        triplet = _as_triplet(item)
        if triplet is None:
            return Check.reject(f"item {position} is {item!r}, not a triplet of three ints")
        if triplet in found:
            return Check.reject(f"the triplet {list(triplet)} is listed twice (at item {position})")
        fault = _fault(triplet, counts)
        if fault is not None:
            return Check.reject(fault)
        found.add(triplet)
    expected = {_as_triplet(item) for item in context.expected}
    missing = sorted(expected - found)
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        return Check.reject(f"the triplet {list(missing[0])} is missing{more}")
    if found - expected:
        raise ExpectedAnswerError(
            f"the submission found {sorted(found - expected)[0]}, which the reference missed"
        )
    return Check.accept()

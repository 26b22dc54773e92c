"""Non-maximum suppression: small boxes on an integer grid (overlaps, duplicates, zero-area
boxes, tied scores), pairs planted at exactly the threshold, suppression chains, and wide
float boxes; stress at n = 6000. The checker accepts any answer greedy NMS can give when
floating point cannot decide whether an IoU exceeds the threshold."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from typing import Any

import numpy
from hypothesis import strategies as st

from judge.authoring import valid_answer

N_MAX = 6000
COORD_MAX = 10**4

NEAR = 1e-12
"""An IoU within this fraction of the threshold (but not equal to it, in exact arithmetic)
may go either way: the double 0.3 is not 3/10, so IoU 3/10 against 0.3 is undecidable."""

BAND = 1e-9
"""Float IoUs within this fraction of the threshold are recomputed exactly (a float IoU is
off by a few ulps at most, far less)."""

THRESHOLDS = (0.5, 0.0, 0.25, 0.75, 1.0, 0.3, 0.7, 1 / 3)
"""Dyadic thresholds (exact ties with integer boxes are decidable) and others (not)."""

PLANTED = ((3, 1), (5, 1), (7, 1), (5, 3), (4, 2), (2, 1))
"""(width, shift) of two equal boxes side by side: IoU (w − d) / (w + d), i.e. 1/2, 2/3,
3/4, 1/4, 1/3 and 1/3."""


def _case(boxes: list[list[float]], scores: list[float], threshold: float) -> dict[str, Any]:
    return {
        "boxes": numpy.array(boxes, dtype=numpy.float64).reshape(-1, 4),
        "scores": numpy.array(scores, dtype=numpy.float64),
        "iou_threshold": float(threshold),
    }


@st.composite
def _box(draw: st.DrawFn, coordinate: st.SearchStrategy[float]) -> list[float]:
    x1, x2 = sorted((draw(coordinate), draw(coordinate)))
    y1, y2 = sorted((draw(coordinate), draw(coordinate)))
    return [x1, y1, x2, y2]


SMALL_SCORES = st.integers(0, 3).map(float)
ANY_SCORES = SMALL_SCORES | st.floats(-1e3, 1e3, allow_subnormal=False)
ANY_THRESHOLD = st.sampled_from(THRESHOLDS) | st.floats(0.0, 1.0)


@st.composite
def _grid(draw: st.DrawFn) -> dict[str, Any]:
    """Up to 8 boxes on a 7 × 7 integer grid: overlaps, duplicates, shared edges, zero-area
    boxes, boxes one unit apart in both directions, and tied scores."""
    boxes = draw(st.lists(_box(st.integers(0, 6).map(float)), max_size=8))
    scores = draw(st.lists(ANY_SCORES, min_size=len(boxes), max_size=len(boxes)))
    return _case(boxes, scores, draw(ANY_THRESHOLD))


@st.composite
def _planted_tie(draw: st.DrawFn) -> dict[str, Any]:
    """Two boxes whose IoU is exactly a simple fraction, with the threshold at that fraction
    (decidable when it is dyadic: 1/2, 3/4, 1/4), among a few grid boxes, scores in any order."""
    width, shift = draw(st.sampled_from(PLANTED))
    height = draw(st.integers(1, 3))
    x, y = draw(st.integers(-3, 3)), draw(st.integers(-3, 3))
    pair = [[x, y, x + width, y + height], [x + shift, y, x + shift + width, y + height]]
    if draw(st.booleans()):  # stacked vertically instead
        pair = [[b[1], b[0], b[3], b[2]] for b in pair]
    others = draw(st.lists(_box(st.integers(-3, 8)), max_size=3))
    boxes = draw(st.permutations([*pair, *others]))
    scores = draw(st.lists(SMALL_SCORES, min_size=len(boxes), max_size=len(boxes)))
    return _case(boxes, scores, (width - shift) / (width + shift))


@st.composite
def _chain(draw: st.DrawFn) -> dict[str, Any]:
    """A row of equal boxes each overlapping the next by half: greedy NMS keeps every other
    one. Suppressed boxes must not suppress: the third box survives the second."""
    length = draw(st.integers(3, 6))
    boxes = [[2 * k, 0, 2 * k + 4, 2] for k in range(length)]  # IoU of neighbours: 1/3
    scores = [float(length - k) for k in range(length)]
    shuffled = draw(st.permutations(range(length)))
    return _case(
        [boxes[k] for k in shuffled],
        [scores[k] for k in shuffled],
        draw(st.sampled_from([0.25, 0.3])),
    )


@st.composite
def _degenerate(draw: st.DrawFn) -> dict[str, Any]:
    """Zero-area boxes (points and segments), repeated: their union is 0, their IoU 0."""
    coordinate = st.integers(0, 3).map(float)
    segment = _box(coordinate).map(lambda b: [b[0], b[1], b[0], b[3]])  # x1 == x2
    point = st.tuples(coordinate, coordinate).map(lambda p: [p[0], p[1], p[0], p[1]])
    flat = st.lists(segment | point, min_size=1, max_size=3)
    boxes = draw(flat.map(lambda bs: bs + bs))  # every zero-area box twice
    boxes += draw(st.lists(_box(coordinate), max_size=2))
    scores = draw(st.lists(SMALL_SCORES, min_size=len(boxes), max_size=len(boxes)))
    return _case(boxes, scores, draw(st.sampled_from([0.0, 0.5])))


@st.composite
def _wide(draw: st.DrawFn) -> dict[str, Any]:
    """Up to 12 boxes with float coordinates up to ±10^4 (some at exactly ±10^4), half of
    them within 50 of one point, so that they overlap."""
    coordinate = st.floats(-COORD_MAX, COORD_MAX, allow_subnormal=False) | st.sampled_from(
        [-float(COORD_MAX), float(COORD_MAX)]
    )
    cx, cy = draw(coordinate), draw(coordinate)

    def near(centre: float) -> st.SearchStrategy[float]:
        return st.floats(-50, 50).map(lambda d: min(max(centre + d, -COORD_MAX), COORD_MAX))

    close = st.tuples(near(cx), near(cx), near(cy), near(cy)).map(
        lambda c: [min(c[0], c[1]), min(c[2], c[3]), max(c[0], c[1]), max(c[2], c[3])]
    )
    boxes = draw(st.lists(_box(coordinate) | close, min_size=1, max_size=12))
    scores = draw(st.lists(ANY_SCORES, min_size=len(boxes), max_size=len(boxes)))
    return _case(boxes, scores, draw(ANY_THRESHOLD))


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Grid boxes (most draws), pairs at exactly the threshold, chains, repeated zero-area
    boxes, wide float boxes, and fixed edges: no boxes, one box, identical boxes at
    threshold 1. Shrinks towards fewer boxes, coordinates and scores of 0, threshold 0.5."""
    fixed = st.sampled_from(
        [
            _case([], [], 0.5),
            _case([[0, 0, 1, 1]], [0.0], 0.0),
            _case([[0, 0, 2, 2], [0, 0, 2, 2]], [1.0, 1.0], 1.0),  # IoU 1 is not above 1
            _case([[0, 0, 2, 2], [2, 0, 4, 2]], [1.0, 2.0], 0.0),  # a shared edge: IoU 0
            _case([[0, 0, 0, 0], [0, 0, 0, 0]], [1.0, 1.0], 0.0),  # two points: IoU 0
        ]
    )
    return _grid() | _planted_tie() | _chain() | _degenerate() | _wide() | fixed


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return _case(values["boxes"], values["scores"], values["iou_threshold"])


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """n = 6000 twice: small boxes scattered over the whole range (almost all are kept, so
    greedy NMS compares ~1.8·10^7 pairs), and 600 clusters of 10 jittered integer boxes with
    tied scores and zero-area boxes (most are suppressed)."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    corner = generator.uniform(-COORD_MAX, COORD_MAX - 200, (N_MAX, 2))
    sparse = numpy.hstack([corner, corner + generator.uniform(1, 200, (N_MAX, 2))])
    centres = generator.integers(-COORD_MAX + 100, COORD_MAX - 100, (N_MAX // 10, 2))
    low = numpy.repeat(centres, 10, axis=0) + generator.integers(-3, 4, (N_MAX, 2))
    clustered = numpy.hstack([low, low + generator.integers(20, 60, (N_MAX, 2))]).astype(float)
    clustered[::97, 2] = clustered[::97, 0]  # zero-area segments
    return [
        _case(sparse, generator.standard_normal(N_MAX), 0.5),
        _case(clustered, generator.integers(0, 20, N_MAX) / 4, 0.5),
    ]


def overlapping_pairs(boxes: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Every pair (a, b) of boxes whose x-ranges meet, each pair once: sorted by x1, box b
    meets box a when it starts between a's x1 and x2. Pairs that do not meet have IoU 0."""
    order = numpy.argsort(boxes[:, 0], kind="stable")
    starts = boxes[order, 0]
    ends = numpy.searchsorted(starts, boxes[order, 2], side="right")
    counts = numpy.maximum(ends - numpy.arange(len(order)) - 1, 0)
    first = numpy.repeat(numpy.arange(len(order)), counts)
    offsets = numpy.arange(counts.sum()) - numpy.repeat(numpy.cumsum(counts) - counts, counts)
    return order[first], order[first + 1 + offsets]


def pair_iou(boxes: numpy.ndarray, a: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    """IoU of boxes[a] and boxes[b], pair by pair; 0 where both have zero area."""
    low = numpy.maximum(boxes[a, :2], boxes[b, :2])
    high = numpy.minimum(boxes[a, 2:], boxes[b, 2:])
    inter = numpy.prod(numpy.clip(high - low, 0, None), axis=1)
    areas = numpy.prod(boxes[:, 2:] - boxes[:, :2], axis=1)
    union = areas[a] + areas[b] - inter
    return numpy.divide(inter, union, out=numpy.zeros_like(inter), where=union > 0)


def exact_iou(a: numpy.ndarray, b: numpy.ndarray) -> Fraction:
    """IoU of two boxes in exact rational arithmetic on the given doubles."""
    ax1, ay1, ax2, ay2 = map(Fraction, a.tolist())
    bx1, by1, bx2, by2 = map(Fraction, b.tolist())
    width = max(Fraction(0), min(ax2, bx2) - max(ax1, bx1))
    height = max(Fraction(0), min(ay2, by2) - max(ay1, by1))
    inter = width * height
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    return inter / union if union else Fraction(0)


def suppression(exact: Fraction, threshold: float) -> str:
    """'yes', 'no' or 'either': whether a kept box with this IoU suppresses a later one."""
    target = Fraction(threshold)
    if exact != target and abs(exact - target) <= NEAR * target:
        return "either"
    return "yes" if exact > target else "no"


def _indices(got: Any, n: int) -> list[int] | str:
    """The answer as a list of box indices, or what is wrong with it."""
    if isinstance(got, numpy.ndarray):
        if got.ndim != 1 or (got.size and got.dtype.kind not in "iu"):
            return f"expected a list of indices, got an array of dtype {got.dtype} and shape {got.shape}"
        got = got.tolist()
    if not isinstance(got, (list, tuple)):
        return f"expected a list of indices, got {'None' if got is None else type(got).__name__}"
    for item in got:
        if isinstance(item, bool) or not isinstance(item, (int, numpy.integer)):
            return f"expected a list of int indices, found {item!r}"
    indices = [int(item) for item in got]
    for item in indices:
        if not 0 <= item < n:
            return f"index {item} is out of range for {n} boxes"
    if len(set(indices)) < len(indices):
        repeated = next(i for i in indices if indices.count(i) > 1)
        return f"index {repeated} appears more than once"
    return indices


def valid(case: dict[str, Any], got: Any) -> str | None:
    """A right answer keeps boxes in priority order (descending score, then index), and is
    what greedy NMS gives when each undecidable pair goes either way: a kept box is not
    suppressed by a box kept before it, and every box left out is suppressed by one."""
    boxes, scores, threshold = case["boxes"], case["scores"], case["iou_threshold"]
    n = len(scores)
    indices = _indices(got, n)
    if isinstance(indices, str):
        return indices
    rank = numpy.empty(n, dtype=numpy.int64)
    rank[numpy.lexsort((numpy.arange(n), -scores))] = numpy.arange(n)
    for a, b in itertools.pairwise(indices):
        if rank[a] > rank[b]:
            return (
                f"box {b} (score {float(scores[b])!r}) must come before box {a} "
                f"(score {float(scores[a])!r}): "
                "kept boxes go by descending score, ties by lower index"
            )
    kept_set = set(indices)
    must: dict[int, tuple[int, float]] = {}  # box -> a kept box before it that suppresses it
    may: set[int] = set()  # boxes that some kept box before them may suppress
    a, b = overlapping_pairs(boxes)
    iou = pair_iou(boxes, a, b)
    near = iou > threshold * (1 - BAND)
    a, b, iou = a[near], b[near], iou[near]
    swap = rank[a] > rank[b]  # (earlier, later) in priority order
    earlier, later = numpy.where(swap, b, a), numpy.where(swap, a, b)
    for i, j, value in zip(earlier.tolist(), later.tolist(), iou.tolist(), strict=True):
        if i not in kept_set:
            continue
        verdict = "yes"
        if value <= threshold * (1 + BAND):
            verdict = suppression(exact_iou(boxes[i], boxes[j]), threshold)
        if verdict == "yes":
            must.setdefault(j, (i, value))
        if verdict != "no":
            may.add(j)
    for j in indices:
        if j in must:
            i, value = must[j]
            return (
                f"box {j} is kept, but box {i}, kept before it, overlaps it with "
                f"IoU {value:.6g} > {threshold!r}: it must be suppressed"
            )
    for j in numpy.argsort(rank).tolist():
        if j not in kept_set and j not in may:
            return (
                f"box {j} is missing: no box kept before it overlaps it with IoU above "
                f"{threshold!r}, so it must be kept"
            )
    return None


check = valid_answer(valid)

"""k-means (Lloyd's algorithm): small cases with ties, empty clusters and moving centroids;
stress at n = 10^5 points; the checker (centroids within tolerance, any nearest label)."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.authoring import Check, CheckContext, float_mismatch

MAX_N, MAX_K, MAX_D, MAX_ITERS = 10**5, 8, 4, 10
MAX_WORK = 10**6
"""The largest n·k·d."""
MAX_VALUE = 1000.0

TIE = 1e-9
"""The squared distances from a point x to centroids a and b count as equal when they differ
by at most TIE · (1 + ‖x‖² + ‖a‖² + ‖b‖²): far above the rounding of any way of computing
them (‖x‖² - 2·x·c + ‖c‖² included), far below every real difference in the cases."""

CLEAR = 1e-7
"""Inside the iterations (where a label moves a centroid) the cases keep each point's
nearest centroid more than CLEAR · (1 + ‖x‖² + ‖a‖² + ‖b‖²) nearer than any other, unless
the tie is exact in every way of computing it (see `_exact_everywhere`)."""

DYADIC = 1024.0
"""Integers divided by this are exact in binary: sums of squares of their differences with
integers up to 10^3 take at most 45 bits, so every formula computes them exactly."""


STEPS = st.integers(0, 8) | st.integers(3, 8)
"""Steps to run: a bias towards several, since clusters keep moving for a few steps."""


def squared_distances(x: numpy.ndarray, centroids: numpy.ndarray) -> numpy.ndarray:
    """(n, k) squared distances, as the sum of squared differences (the accurate formula)."""
    return ((x[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)


def relative_gaps(x: numpy.ndarray, centroids: numpy.ndarray, chosen: Any) -> numpy.ndarray:
    """(n, k): how much farther centroid j is from point i than its chosen centroid c, in
    squared distance, divided by 1 + ‖x_i‖² + ‖c‖² + ‖c_j‖² (negative: j is nearer)."""
    distances = squared_distances(x, centroids)
    norms = (centroids**2).sum(axis=1)
    scale = 1.0 + (x**2).sum(axis=1)[:, None] + norms[chosen][:, None] + norms[None, :]
    return (distances - distances[numpy.arange(len(x)), chosen][:, None]) / scale


def _exact_everywhere(x: numpy.ndarray, init: numpy.ndarray, centroids: numpy.ndarray) -> bool:
    """Whether every implementation computes the same exact distances to these centroids:
    the points and the initial centroids are integers (so every cluster sum is exact, and
    sum / count rounds the same way in every implementation) and the centroids involved are
    multiples of 1/1024 (so each squared distance is exact, whatever the formula)."""
    integral = bool(numpy.all(x == numpy.round(x)) and numpy.all(init == numpy.round(init)))
    scaled = centroids * DYADIC
    return integral and bool(numpy.all(scaled == numpy.round(scaled)))


def settled_iters(x: numpy.ndarray, init: numpy.ndarray, iters: int) -> int:
    """`iters`, or the first step whose assignment would move a centroid by a label that a
    rounding could change (two nearest centroids within CLEAR, not exactly tied everywhere).
    Ending the run there makes that assignment the final one, where the checker accepts
    either label; so every correct implementation follows the same run."""
    centroids = init.copy()
    k = len(centroids)
    for step in range(iters):
        labels = numpy.argmin(squared_distances(x, centroids), axis=1)
        close = relative_gaps(x, centroids, labels) <= CLEAR
        for i in numpy.flatnonzero(close.sum(axis=1) > 1):
            involved = numpy.vstack([x[i : i + 1], centroids[close[i]]])
            if not _exact_everywhere(x, init, involved):
                return step
        for j in range(k):
            members = x[labels == j]
            if len(members):
                centroids[j] = members.sum(axis=0) / len(members)
    return iters


def _case(x: numpy.ndarray, init: numpy.ndarray, iters: int) -> dict[str, Any]:
    return {"x": x, "init": init, "iters": settled_iters(x, init, iters)}


@st.composite
def _integer_points(draw: st.DrawFn) -> dict[str, Any]:
    """Small integers: duplicate points, centroids that coincide (exact ties), centroids
    taken from the points (the usual initialisation) and far ones (empty clusters)."""
    n = draw(st.integers(0, 10))
    d = draw(st.integers(1, 3))
    k = draw(st.integers(1, 4))
    x = draw(hnp.arrays(numpy.float64, (n, d), elements=st.integers(-4, 4).map(float)))
    near = st.integers(-6, 6).map(float)
    far = st.sampled_from([-MAX_VALUE, -50.0, 50.0, MAX_VALUE])
    init = draw(hnp.arrays(numpy.float64, (k, d), elements=near | far))
    if n and draw(st.booleans()):  # some centroids start on points (possibly the same one)
        rows = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=k))
        init[: len(rows)] = x[rows]
    if k > 1 and draw(st.booleans()):
        init[-1] = init[0]  # a duplicated centroid: exact ties, the later one stays empty
    return _case(x, init, draw(STEPS))


@st.composite
def _blobs(draw: st.DrawFn) -> dict[str, Any]:
    """Up to 40 points around a few integer centres, the centroids started on the first
    points (often in one blob), so that clusters move for several steps."""
    d = draw(st.integers(1, 4))
    centres = draw(
        hnp.arrays(
            numpy.float64, (draw(st.integers(1, 4)), d), elements=st.integers(-30, 30).map(float)
        )
    )
    n = draw(st.integers(1, 40))
    which = draw(hnp.arrays(numpy.int64, n, elements=st.integers(0, len(centres) - 1)))
    noise = draw(hnp.arrays(numpy.float64, (n, d), elements=st.integers(-3, 3).map(float)))
    x = centres[which] + noise
    k = draw(st.integers(1, MAX_K))
    init = x[numpy.arange(k) % n].copy()
    if draw(st.booleans()):
        init[-1] = draw(st.sampled_from([-MAX_VALUE, MAX_VALUE]))  # far: an empty cluster
    return _case(x, init, draw(STEPS))


@st.composite
def _real_points(draw: st.DrawFn) -> dict[str, Any]:
    """Any floats up to ±10^3 (and some at the bounds), centroids anywhere or on points."""
    n = draw(st.integers(0, 12))
    d = draw(st.integers(1, MAX_D))
    k = draw(st.integers(1, 5))
    values = st.floats(-MAX_VALUE, MAX_VALUE, allow_subnormal=False) | st.sampled_from(
        [-MAX_VALUE, MAX_VALUE, 0.5, -0.25]
    )
    x = draw(hnp.arrays(numpy.float64, (n, d), elements=values))
    init = draw(hnp.arrays(numpy.float64, (k, d), elements=values))
    if n and draw(st.booleans()):
        init[0] = x[-1]
    return _case(x, init, draw(STEPS))


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """n from 0 to 40 points in 1 to 4 dimensions, k from 1 to 8 centroids, 0 to 8 steps:
    small integer points (duplicates, duplicated centroids, far centroids that stay empty),
    blobs whose clusters move for several steps, and any floats up to ±10^3. A run is cut
    short where a rounding could change a label that moves a centroid (`settled_iters`).
    Shrinks towards no points, one dimension, one centroid and no steps."""
    return _integer_points() | _blobs() | _real_points()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "x": numpy.asarray(values["x"], dtype=numpy.float64).reshape(-1, len(values["init"][0])),
        "init": numpy.asarray(values["init"], dtype=numpy.float64),
        "iters": int(values["iters"]),
    }


def _separated_blobs(generator: numpy.random.Generator, n: int, k: int, d: int) -> dict[str, Any]:
    """n points around k - 1 centres 200 from the origin on the axes (±e_1, ±e_2, ...),
    each point within 10 of its centre in every coordinate; the centroids start up to 30
    from the centres in every coordinate, and the last one at 10^3, where it stays empty.
    Every point is far nearer one centroid than any other at every step, so no rounding
    can change a label."""
    centres = 200.0 * numpy.vstack([numpy.eye(d), -numpy.eye(d)])[: k - 1]
    x = centres[generator.integers(0, k - 1, n)] + generator.uniform(-10.0, 10.0, (n, d))
    init = centres + generator.uniform(-30.0, 30.0, centres.shape)
    return {"x": x, "init": numpy.vstack([init, numpy.full(d, MAX_VALUE)]), "iters": MAX_ITERS}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Separated blobs, 10 steps, n·k·d = 10^6 twice: n = 10^5 points with k = 5, d = 2,
    and n = 31250 with the largest k = 8 and d = 4."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    return [
        _separated_blobs(generator, MAX_N, 5, 2),
        _separated_blobs(generator, MAX_WORK // (MAX_K * MAX_D), MAX_K, MAX_D),
    ]


def _labels_mismatch(case: dict[str, Any], centroids: numpy.ndarray, labels: Any) -> str | None:
    """Why `labels` are not nearest-centroid labels of the points (ties within TIE), or None."""
    x = case["x"]
    n, k = len(x), len(centroids)
    if isinstance(labels, numpy.ndarray):
        if labels.dtype.kind not in "iu":
            return f"labels must be integers, got an array of dtype {labels.dtype}"
        if labels.shape != (n,):
            return f"labels: expected shape ({n},), got shape {labels.shape}"
        values = labels.astype(numpy.int64)
    elif isinstance(labels, (list, tuple)):
        if len(labels) != n:
            return f"labels: expected {n} of them, got {len(labels)}"
        if not all(type(label) is int for label in labels):
            return "labels must be integers (a list holds something else)"
        values = numpy.array(labels, dtype=object)
    else:
        return f"labels must be an array of integers, got {type(labels).__name__}"
    outside = [i for i, label in enumerate(values.tolist()) if not 0 <= label < k]
    if outside:
        i = outside[0]
        return f"labels[{i}] = {values[i]} is not a centroid index (0 to {k - 1})"
    values = values.astype(numpy.int64)
    wrong = numpy.flatnonzero((relative_gaps(x, centroids, values) < -TIE).any(axis=1))
    if not len(wrong):
        return None
    i = int(wrong[0])
    distances = squared_distances(x[i : i + 1], centroids)[0]
    best = int(numpy.argmin(distances))
    return (
        f"{len(wrong)} of {n} labels wrong, the first at index {i}: labels[{i}] = "
        f"{values[i]}, at squared distance {float(distances[values[i]])!r} from its centroid, "
        f"but centroid {best} is at {float(distances[best])!r}"
    )


def check(context: CheckContext) -> Check:
    """Centroids within the tolerance of the reference's; labels of the nearest of them."""
    got = context.got
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        shown = type(got).__name__ if not isinstance(got, (tuple, list)) else f"{len(got)} items"
        return Check.reject(f"expected a pair (centroids, labels), got {shown}")
    expected_centroids = numpy.asarray(context.expected[0], dtype=numpy.float64)
    reason = float_mismatch(expected_centroids, got[0], context.tolerance)
    if reason is not None:
        return Check.reject(f"centroids: {reason}")
    with numpy.errstate(all="ignore"):
        return Check.unless(_labels_mismatch(context.case, expected_centroids, got[1]))

"""PCA: small data sets with repeated, close and zero variances, rotated axes and large
offsets; stress at n = 5·10^4, d = 32; the checker (variances within tolerance, components
spanning the right space within each group of equal variances)."""

from __future__ import annotations

import itertools
import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.authoring import Check, CheckContext, Tolerance, float_mismatch, subspace_mismatch

MAX_N, MAX_D = 5 * 10**4, 32
MAX_VALUE = 1e6

EQUAL = 1e-6
"""Two variances count as equal when they differ by at most EQUAL × the largest variance
(plus the absolute tolerance): their components may then be any basis of their space."""

TIED, APART = 1e-9, 1e-3
"""In every case, two consecutive variances differ by at most TIED or by at least APART
× the largest: never near the EQUAL line, where rounding could decide a group."""


def spectrum(x: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """All d variances of the centred data (ddof = 1), in decreasing order, and a d × d
    orthonormal basis of rows, row i a component of variance i (the null space completed)."""
    centred = x - x.mean(axis=0)
    _, singular, basis = numpy.linalg.svd(numpy.linalg.qr(centred, mode="r"), full_matrices=True)
    variances = numpy.zeros(x.shape[1])
    variances[: len(singular)] = singular**2 / (len(x) - 1)
    return variances, basis


def groups(variances: numpy.ndarray, tolerance: Tolerance) -> list[tuple[int, int]]:
    """[start, stop) of each run of equal variances (consecutive ones within EQUAL)."""
    allowed = tolerance.abs + EQUAL * variances[0]
    bounds = [
        0,
        *(i + 1 for i in range(len(variances) - 1) if variances[i] - variances[i + 1] > allowed),
        len(variances),
    ]
    return list(itertools.pairwise(bounds))


def well_posed(case: dict[str, Any]) -> bool:
    """Every gap between consecutive variances is a tie (at most TIED × the largest) or
    plainly apart (at least APART × the largest)."""
    variances, _ = spectrum(case["x"])
    gaps = -numpy.diff(variances)
    largest = variances[0]
    return bool(numpy.all((gaps <= TIED * largest) | (gaps >= APART * largest)))


def _with_k(draw: st.DrawFn, x: numpy.ndarray) -> dict[str, Any]:
    return {"x": x, "k": draw(st.integers(1, min(x.shape)))}


@st.composite
def _integer_points(draw: st.DrawFn) -> dict[str, Any]:
    """Small integers: duplicate points, collinear points, fewer points than dimensions,
    all points equal (every variance 0), symmetric sets (equal variances)."""
    n = draw(st.integers(2, 8))
    d = draw(st.integers(1, 5))
    return _with_k(
        draw, draw(hnp.arrays(numpy.float64, (n, d), elements=st.integers(-3, 3).map(float)))
    )


@st.composite
def _planted(draw: st.DrawFn, *, close: bool = False) -> dict[str, Any]:
    """Pairs of points at centre ± s_j·u_j along orthonormal directions u_j (a rotation of
    the axes drawn by QR), so the variances are 2·s_j²/(n - 1) exactly: equal spreads give
    equal variances in rotated directions; with `close`, the two largest spreads are 1 and
    0.99 (variances 2% apart). A centre far from the origin (up to 10^6) breaks one-pass
    formulas and forgotten centring."""
    d = draw(st.integers(2 if close else 1, 5))
    drawn = draw(
        hnp.arrays(numpy.float64, (d, d), elements=st.floats(-1, 1, allow_subnormal=False))
    )
    rotation, _ = numpy.linalg.qr(drawn)  # all zeros (the shrunk case): the identity
    m = draw(st.integers(2 if close else 1, d))
    others = st.sampled_from([0.5, 0.25] if close else [1.0, 0.99, 2.0, 0.5])
    spreads = draw(st.lists(others, min_size=m, max_size=m))
    if close:
        spreads[:2] = [1.0, 0.99]
    deviations = numpy.array(spreads)[:, None] * rotation[:m]
    centre = draw(st.sampled_from([0.0, 7.0, -1e3, 1e5, MAX_VALUE - 10]))
    x = numpy.vstack([centre + deviations, centre - deviations])
    if draw(st.booleans()):
        x = numpy.vstack([x, numpy.full((1, d), centre)])  # a point at the centre
    return _with_k(draw, x[draw(st.permutations(range(len(x))))])


@st.composite
def _real_points(draw: st.DrawFn) -> dict[str, Any]:
    """Any floats up to 10^3 in size, shifted by an offset up to 10^6."""
    n = draw(st.integers(2, 8))
    d = draw(st.integers(1, 5))
    values = st.floats(-1e3, 1e3, allow_subnormal=False)
    x = draw(hnp.arrays(numpy.float64, (n, d), elements=values))
    offset = draw(st.sampled_from([0.0, 1e4, -MAX_VALUE + 1e3]))
    return _with_k(draw, x + offset)


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """2 to 11 points in 1 to 5 dimensions, k from 1 to min(n, d): small integers (repeated
    and zero variances, rank below k), planted spreads along rotated axes (equal variances, and
    variances 2% apart) around centres up to 10^6, and any floats with offsets. Only cases
    whose variances are tied or plainly apart (`well_posed`). Shrinks towards two points in
    one dimension and k = 1."""
    return (_integer_points() | _planted() | _planted(close=True) | _real_points()).filter(
        well_posed
    )


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {"x": numpy.asarray(values["x"], dtype=numpy.float64), "k": int(values["k"])}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """n = 5·10^4 points in d = 32, k = 10: Gaussian spreads whose variances are evenly
    spaced (32, 31, ..., 1), along rotated axes, around a centre at 10^3."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    rotation, _ = numpy.linalg.qr(generator.standard_normal((MAX_D, MAX_D)))
    spreads = numpy.sqrt(numpy.arange(MAX_D, 0, -1, dtype=numpy.float64))
    x = 1e3 + (generator.standard_normal((MAX_N, MAX_D)) * spreads) @ rotation
    return [{"x": x, "k": 10}]


def _components_mismatch(x: numpy.ndarray, k: int, got: Any, tolerance: Tolerance) -> str | None:
    """Why `got` is not k orthonormal components, row i of the variance of rank i (any
    basis of the space of a group of equal variances), or None."""
    shape = (k, x.shape[1])
    try:
        rows = numpy.asarray(got)
    except (TypeError, ValueError):
        return f"expected a {shape} array of numbers, got rows of different lengths"
    if rows.dtype.kind not in "iuf":
        return f"expected a {shape} array of numbers, got {type(got).__name__} of {rows.dtype}"
    rows = rows.astype(numpy.float64)
    if rows.shape != shape:
        return f"expected shape {shape}, got shape {rows.shape}"
    if not numpy.isfinite(rows).all():
        return "the components hold NaN or an infinity"
    allowed = tolerance.abs + tolerance.rel
    deviation = numpy.abs(rows @ rows.T - numpy.eye(k)).max()
    if deviation > allowed:
        return f"the rows must be orthonormal, but rows·rowsᵀ is {deviation:.3g} away from the identity"
    variances, basis = spectrum(x)
    for start, stop in groups(variances, tolerance):
        if start >= k:
            break
        if stop <= k:
            reason = subspace_mismatch(basis[start:stop], rows[start:stop], tolerance)
        else:  # the group goes on past k: rows start..k-1 must lie in its space
            part = rows[start:k]
            sine = min(
                float(numpy.linalg.norm(part - part @ basis[start:stop].T @ basis[start:stop], 2)),
                1.0,
            )
            reason = (
                None
                if sine <= allowed
                else f"they leave that space (sin {sine:.3g}, allowed {allowed:.3g})"
            )
        if reason is not None:
            which = (
                f"row {start}"
                if stop - start == 1 or start == k - 1
                else f"rows {start} to {min(stop, k) - 1}"
            )
            return f"{which} (variance {variances[start]:.6g}): {reason}"
    return None


def check(context: CheckContext) -> Check:
    """Variances within the tolerance (relative to the largest); orthonormal components
    spanning, group by group, the spaces of equal variances."""
    got = context.got
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        shown = type(got).__name__ if not isinstance(got, (tuple, list)) else f"{len(got)} items"
        return Check.reject(f"expected a pair (components, variances), got {shown}")
    x, k = context.case["x"], context.case["k"]
    expected = numpy.asarray(context.expected[1], dtype=numpy.float64)
    allowed = Tolerance(
        rel=0.0, abs=context.tolerance.abs + context.tolerance.rel * float(expected[0])
    )
    reason = float_mismatch(expected, got[1], allowed)
    if reason is not None:
        return Check.reject(f"variances: {reason}")
    with numpy.errstate(all="ignore"):
        reason = _components_mismatch(x, k, got[0], context.tolerance)
    return Check.unless(None if reason is None else f"components: {reason}")

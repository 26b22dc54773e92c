"""`subspace`: rows that span the reference's row space, up to sign and rotation (PCA).

The reference answers k rows of length d (one row: a 1-D array) that are linearly
independent; the answer must have the same shape, finite numbers, and:

- with `orthonormal` (the `subspace` checker): rows of unit length, pairwise orthogonal,
  every entry of G·Gᵀ within abs + rel of the identity's;
- rows spanning the same space: sin θ <= abs + rel, where θ is the largest principal angle
  between the two row spaces. sin θ is the spectral norm of (I - P)·Q, where P projects onto
  the reference's row space and Q holds an orthonormal basis of the answer's (by SVD).

So rows may come in any order, each with either sign, or rotated within the space: only
the space counts (and, with `orthonormal`, the basis being orthonormal).
"""

from __future__ import annotations

import math
from typing import Any

import numpy

from judge.core.checkers.base import Check, CheckContext, Checker, ExpectedAnswerError, Tolerance
from judge.core.checkers.numeric import Numbers, as_numbers, expected_numbers


def subspace_mismatch(
    expected: Any, got: Any, tolerance: Tolerance, *, orthonormal: bool = True
) -> str | None:
    """Why the rows of `got` do not span the row space of `expected`, or None when they do."""
    want = expected_numbers(expected)
    if want.dtype.kind == "b" or want.ndim not in (1, 2) or not numpy.isfinite(want).all():
        raise ExpectedAnswerError(
            "the reference's answer must be finite rows of numbers (a 1-D or 2-D array)"
        )
    have = as_numbers(got)
    if isinstance(have, str):
        return f"expected rows of numbers, got {have}"
    if have.shape != want.shape:
        return f"expected shape {want.shape}, got shape {have.shape}"
    if have.dtype.kind == "b":
        return "expected rows of numbers, got booleans"
    if have.size == 0:
        return None
    rows_want, rows_have = numpy.atleast_2d(want), numpy.atleast_2d(have)
    if not numpy.isfinite(rows_have).all():
        row = int(numpy.argwhere(~numpy.isfinite(rows_have))[0][0])
        return f"row {row} holds NaN or an infinity"
    allowed = tolerance.abs + tolerance.rel
    basis_want = _row_basis(rows_want)
    if basis_want.shape[0] < rows_want.shape[0]:
        raise ExpectedAnswerError(
            f"the reference's {rows_want.shape[0]} rows span only {basis_want.shape[0]} "
            "dimension(s): a bug in the reference"
        )
    if orthonormal:
        reason = _not_orthonormal(rows_have, allowed)
        if reason is not None:
            return reason
    basis_have = _row_basis(rows_have)
    if basis_have.shape[0] < rows_have.shape[0]:
        return (
            f"the {rows_have.shape[0]} rows are linearly dependent: they span only "
            f"{basis_have.shape[0]} dimension(s)"
        )
    outside = basis_have - (basis_have @ basis_want.T) @ basis_want
    sine = min(float(numpy.linalg.norm(outside, 2)), 1.0)
    if sine <= allowed:
        return None
    degrees = math.degrees(math.asin(sine))
    return (
        f"the rows span a different space: the largest principal angle between it and the "
        f"expected one is {degrees:.3g}° (sin {sine:.3g}, allowed {allowed:.3g})"
    )


def _row_basis(rows: Numbers) -> Numbers:
    """An orthonormal basis (as rows) of the space the rows span, by SVD with numpy's rank
    threshold (largest singular value × max(k, d) × machine epsilon)."""
    _, singular, right = numpy.linalg.svd(rows, full_matrices=False)
    threshold = singular.max(initial=0.0) * max(rows.shape) * numpy.finfo(numpy.float64).eps
    return right[: int((singular > threshold).sum())]


def _not_orthonormal(rows: Numbers, allowed: float) -> str | None:
    gram = rows @ rows.T
    deviation = numpy.abs(gram - numpy.eye(rows.shape[0]))
    i, j = (int(k) for k in numpy.unravel_index(numpy.argmax(deviation), deviation.shape))
    if deviation[i, j] <= allowed:
        return None
    if i == j:
        norm = math.sqrt(max(float(gram[i, i]), 0.0))
        return f"the rows must be orthonormal, but row {i} has length {norm:.6g}"
    return (
        f"the rows must be orthonormal, but rows {min(i, j)} and {max(i, j)} have dot product "
        f"{float(gram[i, j]):.3g} (allowed {allowed:.3g})"
    )


def subspace_checker(*, orthonormal: bool = True) -> Checker:
    """A checker by the rule above; `orthonormal=False` accepts any basis of the space."""

    def check(context: CheckContext) -> Check:
        # Huge entries overflow G·Gᵀ to inf, which the rules then reject in words: an
        # answer's size must never turn into a warning (an error under pytest) or an IE.
        with numpy.errstate(all="ignore"):
            reason = subspace_mismatch(
                context.expected, context.got, context.tolerance, orthonormal=orthonormal
            )
        return Check.unless(reason)

    check.__doc__ = f"Rows spanning the reference's row space (orthonormal: {orthonormal})."
    return check


subspace = subspace_checker(orthonormal=True)
"""The `subspace` checker: orthonormal rows spanning the reference's row space."""

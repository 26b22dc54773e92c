"""Layer normalisation: small rows of every awkward kind (constant, d = 1, offset by 10^4 with
a tiny spread, spread near sqrt(eps)); stress at 2^20 values, as wide rows and as short ones."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st

X_MAX = 1e4
"""|x| <= 10^4 (the statement's bound)."""

AFFINE_MAX = 10.0
"""|gamma|, |beta| <= 10."""

EPS_MIN, EPS_MAX = 1e-5, 1.0

SMALL = st.integers(-3, 3).map(float)
"""Small integers: duplicates, zeros and constant rows come free, and shrink readably."""

WIDE = st.floats(-X_MAX, X_MAX, allow_subnormal=False)

SPREADS = st.sampled_from([1e-3, 3e-3, 1e-2, 0.1, 1.0])
"""Deviations from a row's mean: near sqrt(eps) (where eps's place matters) and above."""


@st.composite
def _offset_row(draw: st.DrawFn, d: int) -> list[float]:
    """A centre of 10^3 to 10^4 (either sign) plus small multiples of a tiny spread: a mean
    10^3 to 10^7 times the spread, where a one-pass E[x²] − E[x]² variance is lost."""
    centre = draw(st.floats(1e3, X_MAX)) * draw(st.sampled_from([1.0, -1.0]))
    spread = draw(SPREADS)
    return [centre + spread * draw(st.integers(-3, 3)) for _ in range(d)]


@st.composite
def _near_zero_row(draw: st.DrawFn, d: int) -> list[float]:
    """Small multiples of a tiny spread: a variance comparable with eps."""
    spread = draw(SPREADS)
    return [spread * draw(st.integers(-3, 3)) for _ in range(d)]


def _row(d: int) -> st.SearchStrategy[list[float]]:
    return st.one_of(
        st.lists(SMALL, min_size=d, max_size=d),
        _near_zero_row(d),
        _offset_row(d),
        WIDE.map(lambda value: [value] * d),  # a constant row: the output is beta
        st.lists(WIDE, min_size=d, max_size=d),
    )


@st.composite
def _layer_norm_cases(draw: st.DrawFn) -> dict[str, Any]:
    d = draw(st.integers(1, 8))
    leading = draw(st.sampled_from([(), (1,), (2,), (3,), (0,), (2, 2), (1, 3), (2, 0)]))
    rows = draw(
        st.lists(_row(d), min_size=int(numpy.prod(leading)), max_size=int(numpy.prod(leading)))
    )
    affine = SMALL | st.floats(-AFFINE_MAX, AFFINE_MAX, allow_subnormal=False)
    return {
        "x": numpy.array(rows, dtype=numpy.float64).reshape((*leading, d)),
        "gamma": numpy.array(draw(st.lists(affine, min_size=d, max_size=d)), dtype=numpy.float64),
        "beta": numpy.array(draw(st.lists(affine, min_size=d, max_size=d)), dtype=numpy.float64),
        "eps": draw(st.sampled_from([1e-5, 1e-4, 1e-2, 1.0]) | st.floats(EPS_MIN, EPS_MAX)),
    }


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """x of shape (d,), (n, d) or (b, n, d) with d from 1 to 8 and up to 4 rows (none, too),
    each row one of: small integers (constant rows and ties), multiples of a spread of
    10^-3 to 1 around 0 (variance near eps) or around ±10^3 to 10^4 (a mean up to 10^7
    times the spread), a constant, or any values up to 10^4; gamma and beta up to 10; eps
    from 10^-5 to 1. Shrinks towards one row of zeros, gamma = beta = 0 and eps = 10^-5."""
    return _layer_norm_cases()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "x": numpy.asarray(values["x"], dtype=numpy.float64),
        "gamma": numpy.asarray(values["gamma"], dtype=numpy.float64),
        "beta": numpy.asarray(values["beta"], dtype=numpy.float64),
        "eps": float(values["eps"]),
    }


def _stress(
    generator: numpy.random.Generator, shape: tuple[int, ...], eps: float
) -> dict[str, Any]:
    """Gaussian rows of scales 10^-2 to 10^2; every 7th row offset by 10^3 with a spread of
    10^-2 (a mean 10^5 times the spread); every 11th constant, up to 10 (at d = 2048 a larger
    constant would let a sequential sum's rounding, divided by sqrt(eps), pass the
    tolerance)."""
    d = shape[-1]
    rows = generator.standard_normal((int(numpy.prod(shape[:-1])), d))
    rows *= 10.0 ** generator.integers(-2, 3, size=(rows.shape[0], 1))
    rows[::7] = 1e3 + 1e-2 * generator.standard_normal(rows[::7].shape)
    rows[::11] = generator.uniform(-10.0, 10.0, size=(rows[::11].shape[0], 1))
    return {
        "x": rows.reshape(shape),
        "gamma": generator.uniform(-AFFINE_MAX, AFFINE_MAX, d),
        "beta": generator.uniform(-AFFINE_MAX, AFFINE_MAX, d),
        "eps": eps,
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """2^20 values twice: 512 rows of d = 2048 (the widest rows), and 2^18 rows of d = 4
    (the most rows: a Python loop over rows, even with numpy inside, takes seconds)."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    return [_stress(generator, (512, 2048), 1e-5), _stress(generator, (256, 1024, 4), 1e-3)]

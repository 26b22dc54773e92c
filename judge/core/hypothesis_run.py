"""Running a package's Hypothesis strategy from plain code, the same way every time.

Imported only when examples must be generated (a suite not yet cached) or a failure
shrunk: importing Hypothesis costs a fifth of a second that a cached judgement never pays.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from judge.core.problem import Problem


def run_hypothesis(
    problem: Problem,
    seed_value: int,
    max_examples: int,
    test: Callable[[Any], None],
    *,
    shrink: bool,
) -> None:
    """Call `test` on the package's examples, with a fixed seed and no example database:
    two runs generate the same examples, in the same order. With `shrink`, a failure of
    `test` is shrunk (Hypothesis re-raises the smallest one)."""
    from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings

    configured = settings(
        max_examples=max_examples,
        database=None,
        deadline=None,
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        print_blob=False,
        verbosity=Verbosity.quiet,
    )
    with _no_local_constants():
        seed(seed_value)(configured(given(problem.properties.cases())(test)))()  # type: ignore[no-untyped-call]


@contextlib.contextmanager
def _no_local_constants() -> Iterator[None]:
    """Generation that depends on the seed alone.

    Hypothesis (6.13x and later) mixes literals harvested from every "local" module loaded
    so far into generation, so the same seed drew different examples in `judge run`, in
    pytest and in a grading worker, and a cached first pass could differ from the one the
    shrinking pass regenerates. The harvest is switched off while the judge generates;
    older releases have no harvest and nothing to switch off."""
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # pragma: no cover - a release without the harvest
        yield
        return
    harvest = getattr(providers, "_get_local_constants", None)
    cache = getattr(providers, "CONSTANTS_CACHE", None)
    if harvest is None or cache is None:
        yield
        return
    nothing = Constants()
    providers._get_local_constants = lambda: nothing
    cache.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = harvest
        cache.cache.clear()

"""Running a package's Hypothesis strategy from plain code, the same way every time.

Imported only when examples must be generated (a suite not yet cached) or a failure
shrunk: importing Hypothesis costs a fifth of a second that a cached judgement never pays.
"""

from __future__ import annotations

from collections.abc import Callable
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
    seed(seed_value)(configured(given(problem.properties.cases())(test)))()  # type: ignore[no-untyped-call]

"""Which problems a new set draws: weighted toward what the history says is weak.

Each matching problem gets its `Standing` as weight (`judge.practice.standing`: 4 unsolved,
3 failed last time, 2 slow last time, 1 solved in time; never drawn counts as unsolved),
and `count` problems are drawn without replacement with probability proportional to weight
(Efraimidis–Spirakis: key = u^(1/w), keep the largest). `uniform` gives every problem weight 1.
The seed is recorded, so the same seed over the same history draws the same set.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from judge.core.problem import Problem
from judge.practice.history import History
from judge.practice.standing import Standing, standings


def choose(
    candidates: Sequence[Problem],
    weights: dict[str, float],
    count: int,
    rng: random.Random,
) -> list[Problem]:
    """`count` problems without replacement, each as likely as its weight (default 1)."""
    keyed = sorted(
        (
            (rng.random() ** (1.0 / weights.get(problem.slug, 1.0)), problem.slug, problem)
            for problem in sorted(candidates, key=lambda problem: problem.slug)
        ),
        key=lambda item: (item[0], item[1]),
        reverse=True,
    )
    return [problem for _, _, problem in keyed[:count]]


def weights_for(history: History, candidates: Sequence[Problem]) -> dict[str, float]:
    known = standings(history.all_sets(), history.attempts())
    return {
        problem.slug: float(known[problem.slug][0] if problem.slug in known else Standing.UNSOLVED)
        for problem in candidates
    }

"""One mutant's trial: the engine's cases, in the engine's order, up to the first failure.

A killed mutant needs no more cases, no shrunk input and no score, so the trial replays the
problem's suite (the samples, Hypothesis' first-pass examples and the stress cases, each
with the reference's answer, exactly as `engine.judge` runs them) through one `Runner`, and
stops at the first case that is not AC. Its verdict is AC exactly when the engine's would
be: the engine's is the worst of the same cases' verdicts. The stress limit is the engine's
too (calibrated, then cached, by the gate's judgement of the reference).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from judge.core.calibrate import stress_limit
from judge.core.engine import JudgeOptions
from judge.core.problem import Problem
from judge.core.runner import Runner, SubmissionRejected
from judge.core.suite import load_suite
from judge.core.verdict import Group, Verdict
from judge.sandbox import OpenedSandbox


@dataclass(frozen=True)
class Trial:
    verdict: Verdict
    """AC when every case passed; else the first failing case's verdict (IE: the judge's)."""
    why: str = ""
    """Where it failed ("properties case 12: WA"), or why it did not load."""
    cases: int = 0
    """Cases run, the failing one included."""


def try_mutant(problem: Problem, path: Path, opened: OpenedSandbox, options: JudgeOptions) -> Trial:
    limits = options.limits(problem)
    suite = load_suite(problem, options.seed, options.max_examples or problem.max_examples)
    stress_s = options.time_limit_s or (
        stress_limit(problem, opened.sandbox, lambda: suite.stress).time_s
    )
    groups = (
        (Group.SAMPLES, suite.samples, limits.time_s),
        (Group.PROPERTIES, suite.properties, limits.time_s),
        (Group.STRESS, suite.stress, stress_s),
    )
    runner = Runner(problem, path, opened.sandbox, limits)
    count = 0
    try:
        for group, items, time_s in groups:
            for index, item in enumerate(items):
                count += 1
                result = runner.run(group, index, item.case, time_s, expected=item.expected)
                if result.verdict is not Verdict.AC:
                    where = f"{group.value} case {index}"
                    return Trial(result.verdict, where, count)
    except SubmissionRejected as rejection:
        lines = rejection.message.strip().splitlines()
        return Trial(rejection.verdict, lines[-1] if lines else "", count)
    except Exception as fault:  # the judge's own failure (a lost sandbox, a broken checker)
        return Trial(Verdict.IE, f"{type(fault).__name__}: {fault}", count)
    finally:
        runner.close()
    return Trial(Verdict.AC, "", count)

"""Stress time limits derived from the reference's own time, on this machine, in this sandbox.

Like Kattis' time_multiplier: the reference runs the stress cases in the same sandbox, and
the limit is `max(floor, multiplier × slowest reference case)`. A slow machine gets a
longer limit, a fast one a shorter one, so limits hold on both. Results are cached per
machine, sandbox image and package content, so calibration runs once, not per judgement.
"""

from __future__ import annotations

import fcntl
import json
import os
import platform
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.core.atomic import write_atomically
from judge.core.cache import cache_root
from judge.core.errors import ProblemError
from judge.core.problem import Problem
from judge.core.runner import Runner
from judge.core.suite import SuiteCase
from judge.core.verdict import Group, Verdict
from judge.sandbox import Sandbox

RUNS_PER_CASE = 3
"""The reference runs each stress case this many times; the median counts (noise either way)."""


@dataclass(frozen=True)
class StressLimit:
    time_s: float
    note: str
    warning: str = ""
    """Something the user should know that did not stop the judgement (a cache not written)."""


def cache_path() -> Path:
    return cache_root() / "calibration.json"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}|{cpu}|{os.cpu_count()}"


def stress_limit(
    problem: Problem,
    sandbox: Sandbox,
    cases: Callable[[], Sequence[SuiteCase]],
    *,
    fresh: bool = False,
) -> StressLimit:
    """The stress time limit for this problem here, measuring the reference if not cached.

    Call it before any submission's sandbox starts: a measurement taken while untrusted code
    runs beside it (busy threads in another container) would be slowed, and cached for every
    later judgement. `cases` (the stress cases) are only asked for on a cache miss, or
    when `fresh` asks for a new measurement (which then replaces the cached one)."""
    key = "|".join(
        [problem.slug, problem.fingerprint(), sandbox.kind, sandbox.image_id or "-", _machine()]
    )
    cache = _read_cache()
    reference_s = None if fresh else cache.get(key)
    source, warning = "cached", ""
    if not isinstance(reference_s, (int, float)):
        reference_s = measure_reference(problem, sandbox, cases())
        source = "measured now"
        try:
            _store(key, reference_s)
        except OSError as error:  # an optional cache: the limit stands, measured again next time
            warning = (
                f"the calibration cache {cache_path()} could not be written "
                f"({error.strerror or error}); the stress limit will be measured again next time"
            )
    policy = problem.stress
    limit = max(policy.floor_s, policy.multiplier * reference_s)
    note = (
        f"{limit:.2f} s = max({policy.floor_s:g} s floor, {policy.multiplier:g} × reference "
        f"{reference_s * 1000:.0f} ms) in the {sandbox.kind} sandbox ({source})"
    )
    return StressLimit(round(limit, 3), note, warning)


def measure_reference(problem: Problem, sandbox: Sandbox, cases: Sequence[SuiteCase]) -> float:
    """The reference's slowest stress case, run as a submission in the sandbox (the median
    of `RUNS_PER_CASE` runs of each case)."""
    reference = problem.root / "reference.py"
    runner = Runner(problem, reference, sandbox, problem.limits)
    generous = max(problem.stress.floor_s, problem.limits.time_s) * 20
    slowest = 0.0
    try:
        for index, item in enumerate(cases):
            times = []
            for _ in range(RUNS_PER_CASE):
                result = runner.run(
                    Group.STRESS, index, item.case, generous, expected=item.expected
                )
                if result.verdict is not Verdict.AC or result.time_ms is None:
                    raise ProblemError(
                        problem.root / "reference.py",
                        f"the reference fails stress case {index} in the sandbox: "
                        f"{result.verdict.value} {result.message}",
                    )
                times.append(result.time_ms / 1000)
            slowest = max(slowest, statistics.median(times))
    finally:
        runner.close()
    return slowest


def _store(key: str, reference_s: float) -> None:
    """Add one figure to the cache: read, merge and replace under a lock, so that judges
    calibrating other problems at the same time (grading, a second terminal) keep theirs."""
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        cache = _read_cache()
        cache[key] = reference_s
        write_atomically(path, json.dumps(cache, indent=1, sort_keys=True))


def _read_cache() -> dict[str, Any]:
    try:
        data = json.loads(cache_path().read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}

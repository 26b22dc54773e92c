"""A problem's suite: every case a judgement runs before any failure, with the expected answers.

What a judgement runs until something fails is a pure function of the package's content,
the seed, the number of property examples and the versions of the judge and of Hypothesis:
the samples, the property examples of Hypothesis' first pass, the stress cases, and the
reference's answer to each. So it is built once (Hypothesis generating, the reference
answering) and kept in a cache file, and later judgements replay it without importing
Hypothesis or calling the reference. Hypothesis is engaged again only to shrink a failure,
and it then regenerates exactly these cases from the same seed.

The cache is a file the judge writes itself from trusted code (the package's generators and
reference), in JSON with a few tags (`codec.py`): nothing is unpickled, and nothing that came
from a sandbox is ever stored. A suite is cached only when decoding it gives back exactly
what was generated; otherwise (or when the cache cannot be written) the judgement simply
builds it, and says so in a note when the cache is unwritable.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge import __version__
from judge.core.atomic import write_atomically
from judge.core.cache import cache_root
from judge.core.cases import Case
from judge.core.problem import Problem
from judge.core.suite_codec import Uncacheable, pack, same, unpack

FORMAT = 1
"""Bumped when the cache file's layout changes."""
MAX_CACHE_BYTES = 512 << 20


@dataclass(frozen=True)
class SuiteCase:
    case: Case
    expected: Any


@dataclass(frozen=True)
class Suite:
    samples: tuple[SuiteCase, ...]
    properties: tuple[SuiteCase, ...]
    """Hypothesis' first-pass examples, in the order it generates them."""
    stress: tuple[SuiteCase, ...]
    source: str = "built"
    """"built" now, or "cached"."""
    warning: str = ""
    """Set when the suite could not be cached (the next judgement builds it again)."""


def cache_folder() -> Path:
    return cache_root() / "suites"


def suite_key(problem: Problem, seed: int, max_examples: int) -> str:
    """What decides the suite's content. Hypothesis' version counts: a new release may
    generate other examples from the same seed."""
    parts = [
        str(FORMAT),
        problem.fingerprint(),
        str(seed),
        str(max_examples),
        __version__,
        importlib.metadata.version("hypothesis"),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


_LATEST: dict[str, Suite] = {}
"""The last suite used in this process (grading judges many submissions against it)."""


def load_suite(problem: Problem, seed: int, max_examples: int) -> Suite:
    """The problem's suite: from this process, from the cache, or built (and cached)."""
    key = suite_key(problem, seed, max_examples)
    if key in _LATEST:
        return _LATEST[key]
    path = cache_folder() / f"{problem.slug}-{key}.json"
    suite = _read(path) or _build_and_store(problem, seed, max_examples, path)
    _LATEST.clear()
    _LATEST[key] = suite
    return suite


def sample_suite(problem: Problem) -> Suite:
    """The worked examples alone, answered by the reference: what a quick run needs (no
    Hypothesis, no stress cases, no cache)."""
    return Suite(samples=_samples(problem), properties=(), stress=())


def _samples(problem: Problem) -> tuple[SuiteCase, ...]:
    cases = [problem.sample_case(example.input) for example in problem.examples]
    return tuple(SuiteCase(case, problem.reference_answer(case)) for case in cases)


def build_suite(problem: Problem, seed: int, max_examples: int) -> Suite:
    """Generate every case and ask the reference for each answer (no cache involved)."""
    answer = problem.reference_answer
    properties = first_pass_cases(problem, seed, max_examples)
    stress = problem.properties.stress_cases(random.Random(seed))
    return Suite(
        samples=_samples(problem),
        properties=tuple(SuiteCase(case, answer(case)) for case in properties),
        stress=tuple(SuiteCase(case, answer(case)) for case in stress),
    )


def first_pass_cases(problem: Problem, seed: int, max_examples: int) -> list[Case]:
    """The examples Hypothesis generates for the first pass, recorded by a test that never
    fails: the same ones the engine's shrinking pass regenerates from the same seed."""
    from judge.core.hypothesis_run import run_hypothesis

    seen: list[Case] = []

    def record(case: Case) -> None:  # a plain function: Hypothesis inspects its code
        seen.append(case)

    run_hypothesis(problem, seed, max_examples, record, shrink=False)
    return seen


def _build_and_store(problem: Problem, seed: int, max_examples: int, path: Path) -> Suite:
    suite = build_suite(problem, seed, max_examples)
    try:
        text = _encode(suite)
    except Uncacheable:
        return suite  # a value this cache cannot hold exactly: build it each time
    try:
        write_atomically(path, text)
    except OSError as error:
        return Suite(
            suite.samples,
            suite.properties,
            suite.stress,
            warning=(
                f"the suite cache {path} could not be written ({error.strerror or error}); "
                "the cases will be generated again next time"
            ),
        )
    for stale in path.parent.glob(f"{problem.slug}-*.json"):
        if stale != path:  # an older version of the package, seed or judge
            stale.unlink(missing_ok=True)
    _trim(path.parent, keep=path)
    return suite


def _trim(folder: Path, keep: Path) -> None:
    """Keep the cache under `MAX_CACHE_BYTES`: the least recently used suites go first
    (big stress cases make a suite tens of megabytes)."""
    with contextlib.suppress(OSError):
        files = sorted(folder.glob("*.json"), key=lambda file: file.stat().st_mtime)
        total = sum(file.stat().st_size for file in files)
        for file in files:
            if total <= MAX_CACHE_BYTES:
                return
            if file != keep:
                total -= file.stat().st_size
                file.unlink(missing_ok=True)


def _encode(suite: Suite) -> str:
    """The suite as JSON, verified to decode to exactly what was generated."""
    groups = {
        "samples": suite.samples,
        "properties": suite.properties,
        "stress": suite.stress,
    }
    data = {
        name: [[pack(item.case), pack(item.expected)] for item in items]
        for name, items in groups.items()
    }
    text = json.dumps({"format": FORMAT, **data}, separators=(",", ":"))
    decoded = _decode(json.loads(text))
    for name, items in groups.items():
        back = getattr(decoded, name)
        if not all(
            same(a.case, b.case) and same(a.expected, b.expected)
            for a, b in zip(items, back, strict=True)
        ):
            raise Uncacheable(f"the {name} cases do not survive a round trip")
    return text


def _decode(data: Any) -> Suite:
    def items(name: str) -> tuple[SuiteCase, ...]:
        return tuple(SuiteCase(unpack(case), unpack(expected)) for case, expected in data[name])

    return Suite(items("samples"), items("properties"), items("stress"), source="cached")


def _read(path: Path) -> Suite | None:
    """The cached suite, or None when there is none or it is unreadable (then rebuilt)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        os.utime(path)  # recently used: `_trim` removes the others first
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return _decode(data)
    except (OSError, ValueError, KeyError, TypeError, Uncacheable):
        return None

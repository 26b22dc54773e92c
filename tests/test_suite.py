"""The suite cache changes how fast a judgement runs, never what it judges.

A cached suite must hold exactly the cases Hypothesis generates for the first pass (in the
same order, whatever the test function does with them), the same stress cases and the same
reference answers; and a judgement from a warm cache must equal one from a cold cache in
everything but timings, shrunk failures included, for function and class problems alike.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from judge.core.engine import JudgeOptions, judge
from judge.core.hypothesis_run import run_hypothesis
from judge.core.problem import Problem, load_problem
from judge.core.suite import cache_folder, first_pass_cases, load_suite
from judge.core.suite_codec import pack, same, unpack
from judge.core.verdict import Report, SandboxInfo
from judge.sandbox import OpenedSandbox
from judge.sandbox.fake import FakeSandbox

ROOT = Path(__file__).resolve().parent.parent
PROBLEMS = sorted(p.name for p in (ROOT / "problems").iterdir() if (p / "problem.yaml").is_file())


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _small(slug: str) -> tuple[Problem, int]:
    return load_problem(ROOT / "problems" / slug), 30


@pytest.mark.parametrize("slug", PROBLEMS)
def test_the_first_pass_is_what_hypothesis_generates_for_any_test(slug: str) -> None:
    """The cached examples do not depend on how long the test takes or what it does: a slow
    test that inspects each case sees the same sequence as the recorder."""
    problem, examples = _small(slug)
    recorded = first_pass_cases(problem, 7, examples)
    seen: list[Any] = []

    def slow(case: Any) -> None:
        time.sleep(0.0005)
        seen.append(case)

    run_hypothesis(problem, 7, examples, slow, shrink=False)
    assert len(recorded) == len(seen) > 0
    assert all(same(a, b) for a, b in zip(recorded, seen, strict=True))


@pytest.mark.parametrize("slug", PROBLEMS)
def test_a_cached_suite_is_exactly_the_built_one(slug: str, fresh_cache: Path) -> None:
    problem, examples = _small(slug)
    built = load_suite(problem, 3, examples)
    assert built.source == "built" and not built.warning
    assert list(cache_folder().glob(f"{slug}-*.json")), "the suite was not cached"
    from judge.core import suite as suite_module

    suite_module._LATEST.clear()  # read it back from the file, not from this process
    cached = load_suite(problem, 3, examples)
    assert cached.source == "cached"
    for name in ("samples", "properties", "stress"):
        ours, theirs = getattr(built, name), getattr(cached, name)
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            assert same(a.case, b.case) and same(a.expected, b.expected), name
    regenerated = first_pass_cases(problem, 3, examples)
    assert all(same(a, b.case) for a, b in zip(regenerated, cached.properties, strict=True))


def test_the_codec_keeps_types_and_non_finite_floats() -> None:
    import array

    import numpy

    values = [
        (1, [2, 3], {"k": (4.5, None)}),
        [float("inf"), float("-inf"), -0.0, True, "x"],
        {1: "int key", (2, 3): "tuple key"},
        numpy.arange(6, dtype=numpy.int32).reshape(2, 3),
        numpy.float32(1.5),
        array.array("q", [1, -2, 3]),
    ]
    for value in values:
        assert same(unpack(pack(value)), value)
    assert not same(unpack(pack([1, 2])), (1, 2))
    assert not same(1, 1.0) and not same(1, True)
    # A class problem's long list of ndarray answers (a KV cache's 384 steps) once made the
    # long-list shortcut compare arrays with `==` and raise, and every judgement was IE.
    steps = [numpy.full(3, float(n)) for n in range(300)]
    assert same(unpack(pack(steps)), steps)
    assert not same(steps, [*steps[:-1], numpy.zeros(3)])
    long_ints = list(range(300))
    assert same(unpack(pack(long_ints)), long_ints) and not same(long_ints, long_ints[::-1])


def _judged(problem: Problem, submission: Path, examples: int) -> Report:
    opened = OpenedSandbox(FakeSandbox.importing(), SandboxInfo(kind="fake"))
    return judge(problem, submission, opened, JudgeOptions(max_examples=examples))


def _without_timings(report: Report) -> list[tuple[Any, ...]]:
    return [
        (c.group, c.index, c.verdict, c.input, c.expected, c.got, c.shrunk, c.message)
        for c in report.cases
    ]


@pytest.mark.parametrize(
    ("slug", "label"),
    [
        ("two-sum", "wrong_answer/skips_equal_halves.py"),
        ("knapsack", "wrong_answer/greedy_by_ratio.py"),
        ("top-k-streaming", "wrong_answer/zero_sentinels.py"),
        ("two-sum", "accepted/hash_map.py"),
    ],
)
def test_cold_and_warm_judgements_are_the_same(
    slug: str, label: str, fresh_cache: Path, request: pytest.FixtureRequest
) -> None:
    """Same verdicts, cases, shrunk inputs and messages with the cache cold and warm (the
    class problem with short stress streams: the fake sandbox runs them in-process)."""
    problem = (
        request.getfixturevalue("top_k")
        if slug == "top-k-streaming"
        else load_problem(ROOT / "problems" / slug)
    )
    submission = ROOT / "solutions" / slug / label
    from judge.core import suite as suite_module

    cold = _judged(problem, submission, 40)
    assert cold.verdict.value == ("AC" if label.startswith("accepted") else "WA"), cold.message
    suite_module._LATEST.clear()
    warm = _judged(problem, submission, 40)
    assert warm.verdict is cold.verdict and warm.score == cold.score
    assert _without_timings(warm) == _without_timings(cold)
    if not cold.verdict.accepted:
        assert any(case.shrunk for case in cold.cases)


def test_an_unwritable_cache_is_a_note_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(blocker))
    from judge.core import suite as suite_module

    suite_module._LATEST.clear()
    report = _judged(
        load_problem(ROOT / "tests/fixtures/problems/add"),
        ROOT / "tests/fixtures/submissions/ok.py",
        10,
    )
    assert report.verdict.accepted
    assert any("suite cache" in note for note in report.notes), report.notes


@pytest.mark.parametrize("slug", ["two-sum", "lcs"])
def test_generation_does_not_depend_on_the_modules_loaded(slug: str) -> None:
    """Hypothesis harvests literals from loaded local modules; the judge switches that off,
    so a fresh process that loaded other modules generates the same first pass."""
    import hashlib
    import json
    import subprocess
    import sys

    script = (
        "import hashlib, json, sys\n"
        "{preload}\n"
        "from pathlib import Path\n"
        "from judge.core.problem import load_problem\n"
        "from judge.core.suite import first_pass_cases\n"
        "from judge.core.suite_codec import pack\n"
        "problem = load_problem(Path(sys.argv[1]))\n"
        "cases = first_pass_cases(problem, 0, 60)\n"
        "print(hashlib.sha256(json.dumps(pack(cases)).encode()).hexdigest())\n"
    )
    folder = str(ROOT / "problems" / slug)
    digests = set()
    for preload in ("pass", "import judge.cli, judge.grading.pool, judge.core.verify"):
        done = subprocess.run(
            [sys.executable, "-c", script.format(preload=preload), folder],
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    problem = load_problem(ROOT / "problems" / slug)
    here = hashlib.sha256(json.dumps(pack(first_pass_cases(problem, 0, 60))).encode()).hexdigest()
    assert digests == {here}

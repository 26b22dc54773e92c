"""Class problems driven by `judge.authoring.calls`: scripts of calls drawn by Hypothesis,
whose failures shrink to the shortest failing sequence of calls.

The fixture problem is a stack (tests/fixtures/problems/stack); its wrong submission keeps
three values and silently drops a fourth push, so the shortest failing script is four
pushes (the last one of a different value) and a pop.
"""

from __future__ import annotations

import itertools
import runpy
from pathlib import Path

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from judge.authoring import Script, Step, calls, script_from_calls
from judge.core.engine import JudgeOptions, judge
from judge.core.problem import Problem, load_problem
from judge.core.verdict import Group, Report, SandboxInfo, Verdict
from judge.sandbox import OpenedSandbox
from judge.sandbox.fake import FakeSandbox

STACK = Path(__file__).parent / "fixtures" / "problems" / "stack"
KEYS = st.integers(0, 3)
CACHE = calls(
    init=st.tuples(st.integers(1, 4)),
    methods={"get": st.tuples(KEYS), "put": st.tuples(KEYS, st.integers())},
    max_calls=20,
    end=[["size"]],
)


@pytest.fixture(scope="module")
def stack() -> Problem:
    return load_problem(STACK)


def judged(problem: Problem, name: str, seed: int = 0) -> Report:
    sandbox = FakeSandbox.importing()
    opened = OpenedSandbox(sandbox, SandboxInfo(kind=sandbox.kind))
    return judge(problem, STACK / "submissions" / name, opened, JudgeOptions(seed=seed))


def call_count(script: Script) -> int:
    return sum(len(step) for step in script.steps)


@settings(max_examples=50, deadline=None)
@given(CACHE)
def test_scripts_hold_the_init_the_calls_then_the_end(script: Script) -> None:
    assert isinstance(script, Script) and len(script.init) == 1 and 1 <= script.init[0] <= 4
    assert script.steps[-1] == Step("size", [()])
    assert call_count(script) <= 21
    for step in script.steps[:-1]:
        assert step.method in ("get", "put")
        assert all(len(args) == (1 if step.method == "get" else 2) for args in step.calls)


def test_fixed_init_and_no_end() -> None:
    script = find(calls(methods={"tick": st.tuples()}, init=(5,)), lambda s: True)
    assert script == Script((5,), ())


def test_shrinking_gives_the_shortest_sequence_then_the_simplest_calls() -> None:
    def three_puts_of_one_key(script: Script) -> bool:
        puts = [args for step in script.steps if step.method == "put" for args in step.calls]
        return len(puts) >= 3 and len({key for key, _ in puts}) == 1

    minimal = find(CACHE, three_puts_of_one_key, settings=settings(database=None))
    assert repr(minimal) == "init(1); put(0, 0); put(0, 0); put(0, 0); size()"


def test_calls_needs_a_method_and_argument_tuples() -> None:
    with pytest.raises(ValueError, match="at least one method"):
        calls(methods={})
    not_tuples = calls(methods={"push": st.integers()})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match=r"the strategy for push must draw argument tuples"):
        find(not_tuples, lambda script: len(script.steps) > 0)


def test_the_stack_fixture_accepts_a_right_stack(stack: Problem) -> None:
    report = judged(stack, "ok.py")
    assert report.verdict is Verdict.AC and report.score == 100
    assert len([case for case in report.cases if case.group is Group.PROPERTIES]) == 100


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_wrong_stack_shrinks_to_the_minimal_sequence_of_calls(stack: Problem, seed: int) -> None:
    report = judged(stack, "wa_capacity.py", seed)
    assert report.verdict is Verdict.WA
    failure = report.first_failure
    assert failure is not None and failure.group is Group.PROPERTIES and failure.shrunk
    assert failure.input == "init(); push(0); push(0); push(0); push(1); pop()"
    assert (failure.expected, failure.got) == ("[1]", "[0]")
    assert not report.notes  # shrinking ran to its end, within its budget


def test_no_shorter_sequence_fails(stack: Problem) -> None:
    """The shrunk script is minimal: every script of up to four calls (pushes of 0 or 1) gets
    the same answers from the wrong stack as from the reference."""
    wrong = runpy.run_path(str(STACK / "submissions" / "wa_capacity.py"))["Stack"]
    for length in range(5):
        for methods in itertools.product(["push", "pop"], repeat=length):
            pushes = methods.count("push")
            for values in itertools.product([0, 1], repeat=pushes):
                pushed = iter(values)
                script = script_from_calls(
                    (), [[m, next(pushed)] if m == "push" else [m] for m in methods]
                )
                answer = stack.entry.reference_answer(wrong, script)
                assert answer == stack.reference_answer(script), script

"""Run one case through a live session and turn what happened into a verdict.

The runner owns the session's lifecycle: it starts one when needed, keeps it across cases,
and starts a fresh one after a case that ended it (timeout, crash, memory, protocol).
"""

from __future__ import annotations

import array
import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.authoring import Check, CheckContext, Script
from judge.core.errors import JudgeError
from judge.core.problem import EntryKind, Problem
from judge.core.verdict import CaseResult, Group, Limits, Verdict, shorten
from judge.sandbox import Sandbox
from judge.sandbox.inside import wire
from judge.sandbox.session import Exchange, HarnessSession, Outcome, SessionFailed

IMPORT_TIMEOUT_S = 10.0
"""How long a submission may take to import (top-level code) before it is TLE."""

CHUNK_CALLS = 1 << 15
"""Calls per batch request when a class case streams many calls."""

TEXT_LIMIT = 1500


NOT_COMPUTED: Any = object()
"""Marks an expected answer the runner must compute itself."""


class SubmissionRejected(Exception):
    """The submission cannot be judged at all (CE, or TLE/MLE while importing)."""

    def __init__(self, verdict: Verdict, message: str) -> None:
        super().__init__(message)
        self.verdict = verdict
        self.message = message


class JudgeFault(JudgeError):
    """The judge could not do its job for this case (IE): the sandbox was lost, a checker broke."""


@dataclass(frozen=True)
class Answer:
    """What one case produced before checking: a verdict if it already failed, else a value."""

    failure: tuple[Verdict, str] | None
    value: Any
    time_s: float
    wall_s: float
    memory_mib: float | None


class Runner:
    """Runs cases of one problem for one submission, in one sandbox."""

    def __init__(
        self,
        problem: Problem,
        submission: Path,
        sandbox: Sandbox,
        limits: Limits,
        checker: Callable[[CheckContext], Check],
    ) -> None:
        self.problem = problem
        self.submission = submission
        self.sandbox = sandbox
        self.limits = limits
        self.checker = checker
        self._session: HarnessSession | None = None
        self.sessions_started = 0

    # --- session lifecycle -------------------------------------------------------------
    def session(self) -> HarnessSession:
        if self._session is not None and self._session.alive:
            return self._session
        self.close()
        try:
            session = self.sandbox.start(
                self.submission, self.problem.entry.harness_spec(), self.limits
            )
        except SessionFailed as error:
            raise JudgeFault(str(error)) from None
        self.sessions_started += 1
        hello = session.hello(IMPORT_TIMEOUT_S)
        if hello.outcome is Outcome.REPLY and hello.reply and hello.reply["ok"]:
            self._session = session
            return session
        session.close()
        verdict, message = _import_failure(hello, session)
        if self.sessions_started == 1:
            raise SubmissionRejected(verdict, message)
        raise JudgeFault(f"the submission failed to load again after a restart: {message}")

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    # --- cases ---------------------------------------------------------------------------
    def run(
        self,
        group: Group,
        index: int,
        case: Any,
        time_limit_s: float,
        shrunk: bool = False,
        expected: Any = NOT_COMPUTED,
    ) -> CaseResult:
        """Judge one case: run it, check it, and describe it for the report."""
        if expected is NOT_COMPUTED:
            expected = reference_answer(self.problem, case)
        answer = self._execute(case, time_limit_s)
        verdict, message = answer.failure or self._check(case, expected, answer.value)
        if verdict is Verdict.AC and answer.time_s > time_limit_s:
            verdict, message = (
                Verdict.TLE,
                f"took {answer.time_s:.3f} s, limit {time_limit_s:.3f} s",
            )
        failed = verdict is not Verdict.AC
        return CaseResult(
            group=group,
            index=index,
            verdict=verdict,
            time_ms=round(answer.time_s * 1000, 3),
            wall_ms=round(answer.wall_s * 1000, 3),
            memory_mib=None if answer.memory_mib is None else round(answer.memory_mib, 2),
            message=message,
            input=describe(case) if failed else None,
            expected=describe(expected) if failed else None,
            got=describe(answer.value) if failed and answer.failure is None else None,
            shrunk=shrunk,
        )

    def _execute(self, case: Any, time_limit_s: float) -> Answer:
        session = self.session()
        if self.problem.entry.kind is EntryKind.FUNCTION:
            exchange = session.request(
                {"op": wire.Op.CALL, "args": wire.to_wire(arguments(self.problem, case))},
                time_limit_s,
            )
            return self._answer(
                exchange, lambda reply: wire.from_wire(reply.get("value")), 0.0, 0.0
            )
        return self._execute_script(session, case, time_limit_s)

    def _execute_script(
        self, session: HarnessSession, script: Script, time_limit_s: float
    ) -> Answer:
        spent = wall = 0.0
        exchange = session.request(
            {"op": wire.Op.NEW, "args": wire.to_wire(list(script.init))}, time_limit_s
        )
        answer = self._answer(exchange, lambda reply: None, spent, wall)
        values: list[Any] = []
        peaks = [answer.memory_mib]  # the peak is reset per request: the case's is their max
        for step in script.steps:
            void = self.problem.entry.method(step.method).void
            for start in range(0, len(step.calls), CHUNK_CALLS):
                if answer.failure is not None:
                    return answer
                spent, wall = answer.time_s, answer.wall_s
                if spent > time_limit_s:  # the budget is the case's, not each request's
                    self.close()  # the instance is mid-script: start afresh for the next case
                    message = f"took over {spent:.3f} s after {start} calls of {step.method}; limit {time_limit_s:.3f} s"
                    return Answer((Verdict.TLE, message), None, spent, wall, answer.memory_mib)
                chunk = step.calls[start : start + CHUNK_CALLS]
                calls = chunk if isinstance(chunk, array.array) else [list(args) for args in chunk]
                request = {
                    "op": wire.Op.BATCH,
                    "method": step.method,
                    "calls": wire.to_wire(calls),
                    "single": isinstance(chunk, array.array),
                    "void": void,
                }
                exchange = session.request(request, max(time_limit_s - spent, 0.0))
                answer = self._answer(
                    exchange, lambda reply: wire.from_wire(reply.get("values")), spent, wall
                )
                peaks.append(answer.memory_mib)
                if answer.failure is None and not void:
                    if not isinstance(answer.value, list) or len(answer.value) != len(chunk):
                        return Answer(
                            (Verdict.RE, "the harness answered a batch with the wrong count"),
                            None,
                            spent,
                            wall,
                            None,
                        )
                    values.extend(answer.value)
        known = [peak for peak in peaks if peak is not None]
        return Answer(
            answer.failure, values, answer.time_s, answer.wall_s, max(known, default=None)
        )

    def _answer(
        self,
        exchange: Exchange,
        value_of: Callable[[dict[str, Any]], Any],
        spent: float,
        wall: float,
    ) -> Answer:
        time_s = spent + (exchange.time_s or 0.0)
        wall_s = wall + exchange.wall_s
        failure = _failure(exchange, self._session)
        value = None
        if failure is None and exchange.reply is not None:
            try:
                value = value_of(exchange.reply)
            except wire.WireError as error:
                failure = (Verdict.WA, f"returned a value the judge cannot read: {error}")
        return Answer(failure, value, time_s, wall_s, exchange.memory_peak_mib)

    def _check(self, case: Any, expected: Any, got: Any) -> tuple[Verdict, str]:
        context = CheckContext(
            case=case, expected=expected, got=got, tolerance=self.problem.tolerance
        )
        try:
            result = self.checker(context)
        except Exception as error:  # a checker bug is the judge's fault, never WA
            raise JudgeFault(f"the checker failed: {type(error).__name__}: {error}") from None
        if not isinstance(result, Check):
            raise JudgeFault(f"the checker returned {type(result).__name__}, not a Check")
        return (Verdict.AC, "") if result.ok else (Verdict.WA, result.message)


def arguments(problem: Problem, case: dict[str, Any]) -> list[Any]:
    """A function case's argument values, in the entry point's parameter order."""
    return [case[param.name] for param in problem.entry.params]


def reference_answer(problem: Problem, case: Any) -> Any:
    """The reference's answer, computed on the host: the reference never enters a sandbox
    that runs a submission."""
    reference = problem.reference
    case = copy.deepcopy(case)  # a reference that sorts its input in place must not change the case
    if not isinstance(case, Script):
        return reference(*arguments(problem, case))
    instance = reference(*case.init)
    values = []
    for step in case.steps:
        method = getattr(instance, step.method)
        void = problem.entry.method(step.method).void
        for args in _call_args(step.calls):
            value = method(*args)
            if not void:
                values.append(value)
    return values


def _call_args(calls: Any) -> list[tuple[Any, ...]]:
    if isinstance(calls, array.array):
        return [(value,) for value in calls.tolist()]
    return [tuple(args) for args in calls]


def _failure(exchange: Exchange, session: HarnessSession | None) -> tuple[Verdict, str] | None:
    """The verdict an exchange already decides, before any checker (None: go check it)."""
    stderr = f"\n{session.stderr_text()}" if session is not None and session.stderr_total else ""
    outcome = exchange.outcome
    if outcome is Outcome.TIMEOUT:
        return Verdict.TLE, "no answer within the time limit; the sandbox was killed"
    if outcome is Outcome.MEMORY:
        return Verdict.MLE, "killed by the kernel for exceeding the memory limit"
    if outcome is Outcome.OUTPUT:
        return Verdict.OLE, exchange.detail
    if outcome is Outcome.CRASH:
        return Verdict.RE, f"the submission's process ended ({exchange.detail}){stderr}"
    if outcome is Outcome.PROTOCOL:
        return Verdict.RE, f"protocol violation: {exchange.detail}"
    if outcome is Outcome.LOST:
        raise JudgeFault(exchange.detail)
    reply = exchange.reply or {}
    if reply.get("ok"):
        return None
    kind = reply.get("error")
    message = str(reply.get("message", ""))[:TEXT_LIMIT]
    error_type = str(reply.get("type", "error"))[:100]
    trace = str(reply.get("traceback", ""))[: TEXT_LIMIT * 3]
    if kind == wire.ErrorKind.MEMORY:
        return Verdict.MLE, f"MemoryError{stderr}"
    if kind == wire.ErrorKind.EXIT:
        return Verdict.RE, f"the submission called exit ({error_type}: {message})"
    if kind == wire.ErrorKind.UNENCODABLE:
        return Verdict.WA, f"returned a value the judge cannot compare: {message}"
    return Verdict.RE, trace or f"{error_type}: {message}"


def _import_failure(hello: Exchange, session: HarnessSession) -> tuple[Verdict, str]:
    stderr = session.stderr_text()
    if hello.outcome is Outcome.TIMEOUT:
        return Verdict.TLE, f"importing the submission took longer than {IMPORT_TIMEOUT_S:.0f} s"
    if hello.outcome is Outcome.MEMORY:
        return Verdict.MLE, "importing the submission exceeded the memory limit"
    if hello.outcome is Outcome.OUTPUT:
        return Verdict.OLE, f"the submission printed too much while importing: {hello.detail}"
    if hello.outcome is Outcome.LOST:
        raise JudgeFault(hello.detail)
    if hello.outcome is not Outcome.REPLY or hello.reply is None:
        detail = hello.detail or "no answer"
        return Verdict.CE, f"the submission ended while importing ({detail})\n{stderr}".strip()
    reply = hello.reply
    if reply.get("error") == wire.ErrorKind.ENTRY:
        return Verdict.CE, str(reply.get("message", ""))[:TEXT_LIMIT]
    trace = str(reply.get("traceback", "") or reply.get("message", ""))[: TEXT_LIMIT * 3]
    return Verdict.CE, f"the submission does not import:\n{trace}"


def describe(value: Any) -> str:
    """A printable, truncated text for a report: repr escapes surrogates and control bytes."""
    if isinstance(value, dict):
        text = ", ".join(f"{key}={_repr(item)}" for key, item in value.items())
    else:
        text = _repr(value)
    return shorten(text, TEXT_LIMIT)


def _repr(value: Any) -> str:
    import numpy

    if isinstance(value, numpy.ndarray):
        if value.size > 64:
            return f"ndarray(shape={value.shape}, dtype={value.dtype})"
        return f"ndarray({value.tolist()!r}, dtype={value.dtype})"
    if isinstance(value, (list, tuple)) and len(value) > 200:
        head = ", ".join(_repr(item) for item in value[:100])
        return f"[{head}, … {len(value) - 100} more]"
    return repr(value)

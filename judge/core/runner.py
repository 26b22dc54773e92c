"""Run one case through a live session and turn what happened into a verdict.

The runner owns the session's lifecycle: it starts one when needed, keeps it across cases,
and starts a fresh one after a case that ended it (timeout, crash, memory, protocol).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from judge.core.cases import Case
from judge.core.checkers import Check, CheckContext
from judge.core.checkers.base import ExpectedAnswerError
from judge.core.encoded import ByIdentity
from judge.core.entries import Answer, ValueOf
from judge.core.errors import JudgeError
from judge.core.problem import Problem
from judge.core.verdict import CaseResult, Group, Limits, Verdict, shorten
from judge.core.watch import Watch
from judge.sandbox import Sandbox
from judge.sandbox.inside import wire
from judge.sandbox.session import Exchange, HarnessSession, Outcome, SessionFailed
from judge.sandbox.staging import SubmissionRefused

IMPORT_TIMEOUT_S = 10.0
"""How long a submission may take to import (top-level code) before it is TLE."""

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


class Runner:
    """Runs cases of one problem for one submission, in one sandbox."""

    def __init__(
        self,
        problem: Problem,
        submission: Path,
        sandbox: Sandbox,
        limits: Limits,
        watch: Watch | None = None,
    ) -> None:
        self.problem = problem
        self.watch = watch or Watch()
        self.submission = submission
        self.sandbox = sandbox
        self.limits = limits
        self._session: HarnessSession | None = None
        self.sessions_started = 0
        self._reload_failure: str | None = None
        """Set when the submission, restarted after a crash, no longer loads: its fault,
        so every later case is RE without another restart."""
        self._reply_budget = 0
        """The encoded size of the current case's expected answer (see `session.request`)."""
        self._last = False
        """Whether the current case is the last of the judgement (see `run`)."""

    # --- session lifecycle -------------------------------------------------------------
    def session(self) -> HarnessSession | None:
        """The live session, started if needed; None when a restarted submission no longer
        loads (see `_reload_failure`). The first load's failure rejects the submission."""
        if self._session is not None and self._session.alive:
            return self._session
        if self._reload_failure is not None:
            return None
        self.close()
        try:
            session = self.sandbox.start(
                self.submission, self.problem.entry.harness_spec(), self.limits
            )
        except SessionFailed as error:
            raise JudgeFault(str(error)) from None
        except SubmissionRefused as refused:
            raise SubmissionRejected(
                Verdict.CE, f"the submission file is refused: {refused}"
            ) from None
        self.sessions_started += 1
        try:
            hello = session.hello(IMPORT_TIMEOUT_S)
        except BaseException:  # interrupted while it loads (a Ctrl-C): it is not left running
            session.close()
            raise
        if hello.outcome is Outcome.REPLY and hello.reply and hello.reply["ok"]:
            self._session = session
            return session
        session.close()
        verdict, message = _import_failure(hello, session)
        if self.sessions_started == 1:
            raise SubmissionRejected(verdict, message)
        # It loaded before, so the judge can load it: a file that behaves differently the
        # second time (it can tell a restart by timing shared files) is the submission's RE.
        self._reload_failure = (
            f"the submission failed to load again after a restart ({verdict.value}): {message}"
        )
        return None

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
        last: bool = False,
    ) -> CaseResult:
        """Judge one case: run it, check it, and describe it for the report (and the watch).
        `last`: no case follows, so a case running over its limit starts no next sandbox."""
        self.watch.check()
        self._last = last
        if expected is NOT_COMPUTED:
            expected = self.problem.reference_answer(case)
        self._reply_budget = _encoded_size(expected)
        answer = self.problem.entry.execute(self, case, time_limit_s)
        verdict, message = answer.failure or self._check(case, expected, answer.value)
        if verdict is Verdict.AC and answer.time_s > time_limit_s:
            verdict, message = (
                Verdict.TLE,
                f"took {answer.time_s:.3f} s, limit {time_limit_s:.3f} s",
            )
        failed = verdict is not Verdict.AC
        result = CaseResult(
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
        self.watch.on_case(result)
        return result

    # --- the entry kinds' side of a case (see `entries.Caller`) ----------------------------
    def request(
        self,
        message: dict[str, Any] | bytes,
        time_limit_s: float,
        value_of: ValueOf,
        spent: Answer | None,
        sources: Sequence[Sequence[Any]] = (),
    ) -> Answer:
        self.watch.check()  # a class problem's case is many requests: cancel between them
        session = self.session()
        if session is None:
            time_s, wall_s = (spent.time_s, spent.wall_s) if spent else (0.0, 0.0)
            reloaded = (Verdict.RE, self._reload_failure or "")
            return Answer(reloaded, None, time_s, wall_s, None)
        exchange = session.request(
            message, time_limit_s, self._reply_budget, sources, overtime=self._get_ready
        )
        time_s = (spent.time_s if spent else 0.0) + (exchange.time_s or 0.0)
        wall_s = (spent.wall_s if spent else 0.0) + exchange.wall_s
        failure = _failure(exchange, self._session)
        value = None
        if failure is None and exchange.reply is not None:
            try:
                value = value_of(exchange.reply)
            except wire.WireError as error:
                failure = (Verdict.WA, f"returned a value the judge cannot read: {error}")
        return Answer(failure, value, time_s, wall_s, exchange.memory_peak_mib)

    def _get_ready(self) -> None:
        """A call ran past its limit and will likely end its session: start the next
        sandbox now (a container takes a quarter of a second) rather than after the kill,
        unless no case follows (an unused container costs its start and its kill)."""
        if not self._last:
            self.sandbox.prepare(self.limits)

    def abandon(self) -> None:
        self.close()

    def _check(self, case: Case, expected: Any, got: Any) -> tuple[Verdict, str]:
        context = CheckContext(
            case=case, expected=expected, got=got, tolerance=self.problem.tolerance
        )
        try:
            result = self.problem.checker(context)
        except ExpectedAnswerError as error:  # the package's reference is wrong: IE
            raise JudgeFault(f"the reference's answer is wrong: {error}") from None
        except Exception as error:  # a checker bug is the judge's fault, never WA
            raise JudgeFault(f"the checker failed: {type(error).__name__}: {error}") from None
        if not isinstance(result, Check):
            raise JudgeFault(f"the checker returned {type(result).__name__}, not a Check")
        return (Verdict.AC, "") if result.ok else (Verdict.WA, result.message)


def _encoded_size(value: Any) -> int:
    """Bytes an honest reply carrying `value` takes on the wire. An array's size follows
    from its byte count (base64: 4 characters per 3 bytes), without encoding 16 MB of it
    once per case; anything else is encoded, a big answer once per process."""
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.ndarray):
        return 4 * -(-int(value.nbytes) // 3) + 128  # + the tag, dtype and shape
    return _ANSWER_SIZES.get(value, lambda: _size_by_encoding(value))


def _size_by_encoding(value: Any) -> int:
    try:
        return len(wire.encode_line({"value": wire.to_wire(value)}))
    except wire.WireError:  # not the reference's own wire form: no allowance for it
        return 0


_ANSWER_SIZES: ByIdentity[int] = ByIdentity(lambda size: size)
"""Sizes of big expected answers, the same objects for every submission judged against a
suite (see `judge.core.encoded`)."""


def _text(reply: dict[str, Any], key: str, limit: int) -> str:
    """A text field of an untrusted reply: anything that is not a string reads as empty."""
    value = reply.get(key)
    return value[:limit] if isinstance(value, str) else ""


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
    message = _text(reply, "message", TEXT_LIMIT)
    error_type = _text(reply, "type", 100) or "error"
    trace = _text(reply, "traceback", TEXT_LIMIT * 3)
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
        return Verdict.CE, _text(reply, "message", TEXT_LIMIT)
    trace = _text(reply, "traceback", TEXT_LIMIT * 3) or _text(reply, "message", TEXT_LIMIT * 3)
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

"""A live harness session: lockstep requests, capped reads, deadlines and accounting.

The transport differs between sandboxes (Docker's multiplexed attach socket, a subprocess'
pipes) but the rules do not, so they live here once:

- every request carries a fresh random id, and only a line with that id is its reply: lines
  for other ids (a submission forging results) are never credited, only counted against
  the output cap; garbage or an early EOF is the submission's fault and ends the session;
- no line longer than the message cap is buffered, and output on the other stream beyond
  the output cap ends the session with OLE;
- the host waits for a reply until a hard deadline, then kills the sandbox (TLE); it kills
  it sooner once the sandbox's CPU use in the call is past the limit (plus the allowance
  for the codec), since any reply would then be judged TLE anyway;
- time that decides a verdict is the harness' report corroborated by CPU accounting the
  harness cannot touch (the container's cgroup, or the kernel's view of the process).
"""

from __future__ import annotations

import abc
import enum
import secrets
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from judge.core.verdict import Limits
from judge.sandbox.inside import wire

STDOUT, STDERR = 1, 2
STDERR_KEEP_BYTES = 8192
"""How much of the submission's own output (and crash messages) a report can show."""

HARD_DEADLINE_GRACE_S = 0.5
"""Wall time beyond the time limit before the host kills a silent sandbox."""

TRANSFER_BYTES_PER_S = 20e6
"""A pessimistic rate for encoding, moving and decoding a message, so that big payloads are
neither killed nor charged for their own transfer."""

LOAD_SEND_S = 5.0
"""Time to hand the harness its one short load line: a live harness reads it at once."""

OPEN_FILES = 256
ENVIRONMENT = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}
"""The whole environment the submission sees: nothing of the host's leaks in."""

CODEC_ALLOWANCE_S = 0.005
"""CPU the harness may spend outside the call (decode, encode, bookkeeping) per request,
on top of a share proportional to the size of the request and of an honest reply."""

CPU_POLL_S = 0.02
"""How often the host reads the sandbox's CPU use once a call has run past its limit."""

MAX_REPORTED_NS = 10**15
"""A call's reported time above this (11 days) is not a time but an attack on the host's
arithmetic: the reply is malformed."""


class Outcome(enum.Enum):
    """How one request ended, before any checker looks at the value."""

    REPLY = "reply"
    """A well-formed reply with the right id arrived (it may still report an exception)."""
    TIMEOUT = "timeout"
    """No reply before the hard deadline; the sandbox was killed."""
    MEMORY = "memory"
    """The kernel's OOM killer fired in the sandbox during this request."""
    OUTPUT = "output"
    """Output or a protocol message over its cap; the sandbox was killed."""
    CRASH = "crash"
    """The sandbox ended (exit, signal) before replying."""
    PROTOCOL = "protocol"
    """A malformed, unsolicited or forged message; the sandbox was killed."""
    LOST = "lost"
    """The sandbox vanished for reasons outside the submission (killed from outside)."""


@dataclass(frozen=True)
class Usage:
    """A snapshot of accounting the submission cannot forge. None: not available here."""

    cpu_s: float | None = None
    memory_peak_bytes: int | None = None
    oom_kills: int | None = None


@dataclass(frozen=True)
class Exchange:
    """One request's result as the host saw it."""

    outcome: Outcome
    reply: dict[str, Any] | None
    time_s: float | None
    """The time that decides the verdict (see `HarnessSession._decide_time`)."""
    wall_s: float
    memory_peak_mib: float | None
    detail: str = ""


class SessionFailed(Exception):
    """The session could not be started for a reason outside the submission (an IE)."""


class HarnessSession(abc.ABC):
    """One running harness. Subclasses supply the transport and the accounting.

    A subclass must implement `_send`, `_receive`, `_usage`, `_kill`, `_exit_detail` and
    `_engine_lost`; `_reset_peak` is optional. Once `alive` is False the session is over
    and the caller starts a new one.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.alive = True
        self.stderr_head = bytearray()
        self.stderr_total = 0
        self._stdout = bytearray()
        self._scanned = 0
        """How much of `_stdout` is known to hold no newline: a 2 MB reply arrives in 64 KB
        chunks, and searching it from its start after each one would read it 30 times."""
        self._sources: Sequence[Sequence[Any]] = ()
        self.reads = 0
        """Items of `$remote` sequences served during the last request."""

    # --- transport, supplied by subclasses -------------------------------------------
    @abc.abstractmethod
    def _send(self, data: bytes, deadline: float) -> Outcome | None:
        """Write all of data before the deadline: None when sent, else TIMEOUT or CRASH."""

    @abc.abstractmethod
    def _receive(self, deadline: float) -> tuple[int, bytes] | None:
        """The next chunk as (STDOUT or STDERR, bytes); (stream, b"") at EOF; None on timeout."""

    @abc.abstractmethod
    def _usage(self) -> Usage:
        """Current accounting of the whole sandbox."""

    def _reset_peak(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Reset the memory high-water mark, where the platform allows it."""

    def _clock(self) -> float:
        """The session's clock. Scripted sessions in tests replace it with one that jumps
        to the deadline when a read times out, so that a timeout costs no real time."""
        return time.monotonic()

    def _memory_killed(self) -> bool:
        """Optional: whether the platform saw an OOM kill in the sandbox when the usage
        counters can no longer tell (the sandbox is gone)."""
        return False

    @abc.abstractmethod
    def _kill(self) -> None:
        """Stop the sandbox at once and release it; must be idempotent."""

    @abc.abstractmethod
    def _exit_detail(self) -> str:
        """How the sandbox ended (exit code or signal), for a report."""

    @abc.abstractmethod
    def _engine_lost(self) -> bool:
        """True when the sandbox was removed or killed by someone other than this session."""

    # --- the protocol ----------------------------------------------------------------
    def _load(self, path: str, entry: dict[str, Any]) -> None:
        """Tell the waiting harness what to import (a subclass calls this once, as it
        starts). A harness that cannot take the line has ended: `hello` will say how."""
        line = wire.encode_line({"id": 0, "op": wire.Op.LOAD, "path": path, "entry": entry})
        self._send(line, self._clock() + LOAD_SEND_S)

    def hello(self, timeout_s: float) -> Exchange:
        """Wait for the harness' first line: the import of the submission and its entry."""
        now = self._clock()
        return self._await_reply(0, now, now + timeout_s, None, 0)

    def request(
        self,
        message: dict[str, Any] | bytes,
        time_limit_s: float,
        reply_budget_bytes: int = 0,
        sources: Sequence[Sequence[Any]] = (),
        overtime: Callable[[], None] = lambda: None,
    ) -> Exchange:
        """Send one request and wait for its reply, enforcing every limit.

        `reply_budget_bytes` is the size of an honest reply (the reference's answer, encoded):
        the CPU allowance for (de)serialisation covers that much and no more, so a submission
        cannot buy itself time by padding its reply. `sources` are the sequences the request's
        `$remote` arguments stand for: the host serves their items one read at a time, and
        `reads` counts them. `overtime` is called once if the call runs past its limit (the
        session may be about to end: a caller can get the next sandbox ready meanwhile)."""
        if not self.alive:
            raise SessionFailed("request on a finished session")
        request_id = secrets.randbits(62)
        self._sources, self.reads = sources, 0
        if isinstance(message, bytes):  # encoded once for many sessions (`wire.with_id`)
            data = wire.with_id(request_id, message)
        else:
            data = wire.encode_line({"id": request_id, **message})
        # The reply's size is unknown until it arrives: allow for the largest one permitted.
        transfer_s = (len(data) + self.limits.message_mib * 1024 * 1024) / TRANSFER_BYTES_PER_S
        before = self._usage()
        self._reset_peak()
        start = self._clock()
        deadline = start + time_limit_s + HARD_DEADLINE_GRACE_S + transfer_s
        failed = self._send(data, deadline)
        if failed is Outcome.TIMEOUT:
            return self._fail(Outcome.TIMEOUT, "", start, before)
        if failed is not None:
            return self._ended(start, before)
        honest_bytes = len(data) + reply_budget_bytes
        overrun = _Overrun(start + time_limit_s, time_limit_s + _allowance(honest_bytes), overtime)
        return self._await_reply(request_id, start, deadline, before, honest_bytes, overrun)

    def close(self) -> None:
        """End the session: ask the harness to exit, then make sure the sandbox is gone."""
        if self.alive:
            self.alive = False
            self._send(wire.encode_line({"id": 0, "op": wire.Op.EXIT}), self._clock() + 0.2)
        self._kill()

    def _await_reply(
        self,
        request_id: int,
        start: float,
        deadline: float,
        before: Usage | None,
        honest_bytes: int,
        overrun: _Overrun | None = None,
    ) -> Exchange:
        cap = self.limits.message_mib * 1024 * 1024
        while True:
            line = self._next_line(cap)
            if isinstance(line, Outcome):
                return self._fail(line, "a protocol message exceeded the size cap", start)
            if line is None:
                wake = deadline if overrun is None else overrun.wake(self._clock(), deadline)
                chunk = self._receive(wake)
                if chunk is None and overrun is not None and wake < deadline:
                    if overrun.spent(before, self._usage()):
                        return self._fail(Outcome.TIMEOUT, "", start, before)
                    continue
                if chunk is None:
                    return self._fail(Outcome.TIMEOUT, "", start, before)
                stream, data = chunk
                if not data:
                    return self._ended(start, before)
                if stream == STDERR:
                    if not self._note_output(len(data), data):
                        return self._fail(Outcome.OUTPUT, "the submission printed too much", start)
                else:
                    self._stdout += data
                continue
            wall_s = self._clock() - start
            try:
                reply = wire.decode_line(line)
            except wire.WireError as error:
                return self._fail(
                    Outcome.PROTOCOL, f"malformed message from the sandbox: {error}", start
                )
            if reply.get("id") == request_id and isinstance(reply.get("ok"), bool):
                break
            if reply.get("id") == request_id and "read" in reply and self._sources:
                served = self._serve_read(request_id, reply["read"], deadline)
                if served is not None:
                    return self._fail(served, "a read the request does not allow", start)
                continue
            # A line for another id was written by the submission, not the harness (ids are
            # random): never credited, only counted against the output cap.
            if not self._note_output(len(line) + 1, b""):
                return self._fail(
                    Outcome.OUTPUT, "the submission wrote too much to the protocol channel", start
                )
        after = self._usage()
        if _oom_delta(before, after):
            return self._fail(Outcome.MEMORY, "", start, before, after)
        if before is None or not reply["ok"]:
            # The hello, or a failed call: no time decides a verdict there.
            return Exchange(Outcome.REPLY, reply, None, wall_s, _peak_mib(after))
        time_s = self._decide_time(reply, wall_s, before, after, honest_bytes)
        if time_s is None:
            return self._fail(Outcome.PROTOCOL, "a reply without a valid time", start)
        return Exchange(Outcome.REPLY, reply, time_s, wall_s, _peak_mib(after))

    def _serve_read(self, request_id: int, read: Any, deadline: float) -> Outcome | None:
        """Answer one item of a `$remote` sequence; an outcome when the session must end."""
        if (
            not isinstance(read, list)
            or len(read) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in read)
            or not 0 <= read[0] < len(self._sources)
            or not 0 <= read[1] < len(self._sources[read[0]])
        ):
            return Outcome.PROTOCOL
        self.reads += 1
        item = wire.to_wire(self._sources[read[0]][read[1]])
        failed = self._send(wire.encode_line({"id": request_id, "item": item}), deadline)
        if failed is Outcome.TIMEOUT:
            return Outcome.TIMEOUT
        return None if failed is None else Outcome.CRASH

    def _decide_time(
        self,
        reply: dict[str, Any],
        wall_s: float,
        before: Usage,
        after: Usage,
        honest_bytes: int,
    ) -> float | None:
        """The call's time: the harness' report, never above the host's wall clock and
        never below the sandbox's CPU use minus an allowance for (de)serialisation.

        The allowance depends only on what the judge controls (the request's size and the
        size of an honest reply), never on the reply as sent nor on how long the host took
        to read it: padding a reply or slowing its decoding buys no time."""
        reported = reply.get("time_ns")
        if (
            not isinstance(reported, int)
            or isinstance(reported, bool)
            or not 0 <= reported <= MAX_REPORTED_NS
        ):
            return None
        time_s = min(reported / 1e9, wall_s)
        if before.cpu_s is not None and after.cpu_s is not None:
            time_s = max(time_s, after.cpu_s - before.cpu_s - _allowance(honest_bytes))
        return time_s

    def _next_line(self, cap: int) -> bytes | Outcome | None:
        """The next complete protocol line; OUTPUT when it is over the cap; None when no
        complete line is buffered yet."""
        newline = self._stdout.find(b"\n", self._scanned)
        if newline < 0:
            self._scanned = len(self._stdout)
            return Outcome.OUTPUT if len(self._stdout) > cap else None
        if newline > cap:
            return Outcome.OUTPUT
        line = bytes(self._stdout[:newline])
        del self._stdout[: newline + 1]
        self._scanned = 0
        return line

    def _note_output(self, size: int, data: bytes) -> bool:
        """Count output that is not a reply; keep its head for the report. False: over cap."""
        room = STDERR_KEEP_BYTES - len(self.stderr_head)
        if room > 0 and data:
            self.stderr_head += data[:room]
        self.stderr_total += size
        return self.stderr_total <= self.limits.output_kib * 1024

    def _ended(self, start: float, before: Usage | None) -> Exchange:
        """The sandbox stopped talking: tell an OOM kill, an outside kill and a crash apart."""
        self._drain_stderr()
        after = self._usage()
        # An OOM kill during the case is the submission's MLE, whichever process died.
        if _oom_delta(before, after) or self._memory_killed():
            return self._fail(Outcome.MEMORY, "", start, before, after)
        if self._engine_lost():
            return self._fail(Outcome.LOST, "the sandbox was stopped from outside", start)
        return self._fail(Outcome.CRASH, self._exit_detail(), start, before, after)

    def _drain_stderr(self) -> None:
        deadline = self._clock() + 0.2
        while True:
            chunk = self._receive(deadline)
            if chunk is None or not chunk[1]:
                return
            if chunk[0] == STDERR:
                self._note_output(len(chunk[1]), chunk[1])

    def _fail(
        self,
        outcome: Outcome,
        detail: str,
        start: float | None = None,
        before: Usage | None = None,
        after: Usage | None = None,
    ) -> Exchange:
        """End the session for `outcome`, decided before the kill so that the kill itself
        (which also fires the OOM and exit accounting) cannot be mistaken for the cause."""
        self.alive = False
        wall_s = self._clock() - start if start is not None else 0.0
        if after is None:
            after = self._usage()
        self._kill()
        time_s = wall_s if outcome is Outcome.TIMEOUT else None
        return Exchange(outcome, None, time_s, wall_s, _peak_mib(after), detail)

    def stderr_text(self) -> str:
        text = self.stderr_head.decode("utf-8", "replace")
        if self.stderr_total > len(self.stderr_head):
            text += f"\n…[{self.stderr_total - len(self.stderr_head)} more bytes]"
        return text


def _allowance(honest_bytes: int) -> float:
    """CPU a call may spend on (de)serialisation beyond its own time (see `_decide_time`)."""
    return CODEC_ALLOWANCE_S + honest_bytes / TRANSFER_BYTES_PER_S


class _Overrun:
    """A call running past its limit: when to look again, and whether it has lost already.

    A reply's time is never below the sandbox's CPU use in the call minus the codec
    allowance (`_decide_time`), so once that use is past the limit every possible reply is
    TLE: the session stops waiting for the hard deadline (which a CPU-bound submission would
    otherwise burn half a second more to reach). The wall-clock deadline still ends a
    submission that sleeps."""

    def __init__(self, due: float, budget_s: float, overtime: Callable[[], None]) -> None:
        self.due, self.budget_s = due, budget_s
        self._overtime: Callable[[], None] | None = overtime

    def wake(self, now: float, deadline: float) -> float:
        """When the next read should give up: the limit, then every `CPU_POLL_S`."""
        if now < self.due:
            return min(self.due, deadline)
        if self._overtime is not None:
            overtime, self._overtime = self._overtime, None
            overtime()
        return min(now + CPU_POLL_S, deadline)

    def spent(self, before: Usage | None, now: Usage) -> bool:
        if before is None or before.cpu_s is None or now.cpu_s is None:
            return False
        return now.cpu_s - before.cpu_s > self.budget_s


def _oom_delta(before: Usage | None, after: Usage) -> bool:
    if before is None or before.oom_kills is None or after.oom_kills is None:
        return after.oom_kills is not None and after.oom_kills > 0 and before is None
    return after.oom_kills > before.oom_kills


def _peak_mib(usage: Usage) -> float | None:
    if usage.memory_peak_bytes is None:
        return None
    return usage.memory_peak_bytes / (1024 * 1024)


def describe_exit(code: object) -> str:
    """An exit status in words: 'exited with status 3', 'killed by signal SIGSEGV'."""
    if not isinstance(code, int):
        return "the sandbox ended"
    number = code - 128 if code > 128 else -code if code < 0 else 0
    if number:
        try:
            return f"killed by signal {signal.Signals(number).name}"
        except ValueError:
            pass
    return f"exited with status {code}"

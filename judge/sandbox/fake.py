"""Sandboxes without a sandbox, for fast tests (in the spirit of httpx's `MockTransport`).

`FakeSandbox(handler)` answers each request with a function run in-process, and
`FakeSandbox.importing()` imports the judge's own trusted test submissions and answers as
the harness would. Their sessions are real `HarnessSession`s: replies travel as wire lines
through the session's own reading, so the rules of `session.py` (ids, caps, deadlines, the
time decision) hold exactly as against Docker, and engine tests take milliseconds.
`ScriptedSession` replays a transcript of output and accounting, to test each rule alone.

Never judge untrusted code with these: the submission runs inside the judge's process.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from judge.core.verdict import Limits
from judge.sandbox.inside import entrypoints, wire
from judge.sandbox.session import STDERR, STDOUT, HarnessSession, Outcome, Usage

Handler = Callable[[dict[str, Any]], dict[str, Any]]
"""A decoded request (`op`, `args`, `id`...) → the reply's body (`ok`, `value`, ...)."""
Chunk = tuple[int, bytes]
EOF: Chunk = (STDOUT, b"")
_counter = itertools.count()


class _SilenceSkipped(HarnessSession):
    """A session whose clock jumps over silence: a read that times out moves the clock to
    its deadline at once, so a simulated timeout costs no real time (and the session's
    polling of a call past its limit does not spin)."""

    _skipped = 0.0

    def _clock(self) -> float:
        return time.monotonic() + self._skipped

    def _silent_until(self, deadline: float) -> None:
        self._skipped += max(0.0, deadline - self._clock())


class SimulatedFault(Exception):
    """Raised by a handler to make its sandbox fail as a real one can: CRASH (EOF), TIMEOUT
    (no reply, ever), MEMORY (an OOM kill, then EOF) or LOST (removed from outside)."""

    def __init__(self, outcome: Outcome, stderr: bytes = b"") -> None:
        super().__init__(outcome.value)
        self.outcome, self.stderr = outcome, stderr


class FakeSandbox:
    """A `Sandbox` that keeps the sessions it started, for tests to inspect."""

    kind = "fake"

    def __init__(self, handler: Handler | None = None) -> None:
        """With a handler: every session says hello and lets it answer. Without: each session
        imports the file it is started on (see `importing`)."""
        self._handler = handler
        self.image_id = f"fake-{next(_counter)}"
        """Its own per instance: calibration caches by image, and each fake behaves its way."""
        self.sessions: list[FakeSession] = []
        self.prepared: list[Limits] = []
        """The limits of each `prepare` call, in order."""

    @classmethod
    def importing(cls) -> FakeSandbox:
        """Each session imports its (trusted) submission in-process and serves it like the
        harness: entry resolution, CE on hello, exceptions as error replies."""
        return cls()

    def prepare(self, limits: Limits) -> None:
        """Nothing to prepare in-process; the call is recorded."""
        self.prepared.append(limits)

    def close(self) -> None:
        """Nothing is kept between sessions."""

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> FakeSession:
        if self._handler is not None:
            hello, handler = {"ok": True}, self._handler
        else:
            hello, handler = _serve_file(submission, entry)
        self.sessions.append(FakeSession(limits, submission, hello, handler))
        return self.sessions[-1]

    def requests(self, submission: Path | None = None) -> list[dict[str, Any]]:
        """The requests sessions got (only those started on `submission`, if given)."""
        chosen = [s for s in self.sessions if submission in (None, s.submission)]
        return [request for session in chosen for request in session.requests]


class FakeSession(_SilenceSkipped):
    """Runs the handler when a request is sent, and queues its reply as a wire line."""

    def __init__(
        self, limits: Limits, submission: Path, hello: dict[str, Any], handler: Handler
    ) -> None:
        super().__init__(limits)
        self.submission, self._handler = submission, handler
        self.requests: list[dict[str, Any]] = []
        self._chunks: deque[Chunk] = deque([(STDOUT, wire.encode_line({"id": 0, **hello}))])
        self._cpu_s, self._oom_kills = 0.0, 0
        self._over = self._lost = False

    def _send(self, data: bytes, deadline: float) -> Outcome | None:
        if self._over:
            return Outcome.CRASH
        request = wire.decode_line(data)
        if request.get("op") == wire.Op.EXIT:
            self._over = True
            return None
        self.requests.append(request)
        start = time.perf_counter_ns()
        try:
            reply = self._handler(request)
        except SimulatedFault as fault:
            if fault.stderr:
                self._chunks.append((STDERR, fault.stderr))
            if fault.outcome is not Outcome.TIMEOUT:  # a timeout: nothing ever arrives
                self._over, self._lost = True, fault.outcome is Outcome.LOST
                self._oom_kills += fault.outcome is Outcome.MEMORY
            return None
        if reply.get("ok") is True:
            reply = {"time_ns": time.perf_counter_ns() - start, **reply}
        # The handler plays the whole sandbox: CPU it says it burned is what a cgroup saw.
        if isinstance(reply.get("cpu_ns"), int):
            self._cpu_s += reply["cpu_ns"] / 1e9
        self._chunks.append((STDOUT, wire.encode_line({"id": request.get("id"), **reply})))
        return None

    def _receive(self, deadline: float) -> Chunk | None:
        if self._chunks:
            return self._chunks.popleft()
        if self._over:
            return EOF
        self._silent_until(deadline)
        return None

    def _usage(self) -> Usage:
        return Usage(cpu_s=self._cpu_s, oom_kills=self._oom_kills)

    def _kill(self) -> None:
        self._over = True
        self._chunks.clear()

    def _exit_detail(self) -> str:
        return "the fake sandbox ended"

    def _engine_lost(self) -> bool:
        return self._lost


def _serve_file(path: Path, entry: dict[str, Any]) -> tuple[dict[str, Any], Handler]:
    """The hello and the handler for one trusted file, imported under a fresh module name."""
    path, name = path.resolve(), f"judge_fake_submission_{next(_counter)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ValueError(f"{path} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    module.__dict__.update(entrypoints.prelude())
    sys.modules[name] = module  # for the import only (dataclasses look themselves up there)
    method_names: dict[str, str] = {}
    try:
        spec.loader.exec_module(module)
        if entry["kind"] == "function":
            target = entrypoints.find_function(module, entry["name"], entry["arity"])
        else:
            target, method_names = entrypoints.find_class(
                module, entry["name"], entry["init_arity"], entry["methods"]
            )
    except entrypoints.EntryPointError as error:
        return _error(error, wire.ErrorKind.ENTRY, path), _unreachable
    except (Exception, SystemExit) as error:
        return _error(error, wire.ErrorKind.COMPILE, path), _unreachable
    finally:
        del sys.modules[name]
    instance: list[Any] = []

    def handle(request: dict[str, Any]) -> dict[str, Any]:
        op = request.get("op")
        try:
            if op == wire.Op.CALL:
                result, key = target(*wire.from_wire(request["args"])), "value"
            elif op == wire.Op.NEW:
                instance[:] = [target(*wire.from_wire(request["args"]))]
                return {"ok": True}
            elif op != wire.Op.BATCH:
                raise ValueError(f"unknown op {op!r}")
            else:
                method = getattr(instance[0], method_names[request["method"]])
                single = request.get("single")
                calls = wire.from_wire(request["calls"])
                result = [method(x) if single else method(*x) for x in calls]
                result, key = (None if request.get("void") else result), "values"
        except (Exception, SystemExit) as error:
            kinds = {SystemExit: wire.ErrorKind.EXIT, MemoryError: wire.ErrorKind.MEMORY}
            kind = next((k for t, k in kinds.items() if isinstance(error, t)), None)
            return _error(error, kind or wire.ErrorKind.EXCEPTION, path)
        try:
            return {"ok": True, key: wire.to_wire(result)}
        except wire.WireError as error:
            return _error(error, wire.ErrorKind.UNENCODABLE, path)

    return {"ok": True}, handle


def _error(error: BaseException, kind: wire.ErrorKind, path: Path) -> dict[str, Any]:
    """A failed reply as the harness writes it, with only the submission's own frames."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(path)]
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.format_list(frames) + traceback.format_exception_only(type(error), error)
    trace = "".join(lines).replace(str(path), "solution.py")
    return dict(
        ok=False, error=kind, type=type(error).__name__, message=str(error), traceback=trace
    )


def _unreachable(request: dict[str, Any]) -> dict[str, Any]:
    raise AssertionError("a submission that failed its hello was sent a request")


Script = Chunk | Usage | Callable[[int], Chunk] | None
"""One step of a transcript: a chunk as read; new accounting from then on; a chunk made
from the id of the request in flight (see `reply`); None, silence from then on."""


def reply(**body: Any) -> Callable[[int], Chunk]:
    """The harness' line answering the request in flight (the hello before any request)."""
    return lambda request_id: (STDOUT, wire.encode_line({"id": request_id, **body}))


class ScriptedSession(_SilenceSkipped):
    """A session whose sandbox replays `script`; a None step, or the script's end, is
    silence from then on: every read times out (at once, see `_SilenceSkipped`).

    Requests sent are decoded into `sent`; `lost` is what `_engine_lost` answers.
    """

    def __init__(
        self,
        limits: Limits,
        script: Iterable[Script],
        usage: Usage | None = None,
        lost: bool = False,
    ) -> None:
        super().__init__(limits)
        self._script: deque[Script] = deque(script)
        self.usage, self.lost, self.killed = usage or Usage(), lost, False
        self.sent: list[dict[str, Any]] = []

    def _send(self, data: bytes, deadline: float) -> Outcome | None:
        self.sent.append(wire.decode_line(data))
        return None

    def _receive(self, deadline: float) -> Chunk | None:
        while self._script:
            step = self._script.popleft()
            if isinstance(step, Usage):
                self.usage = step
            elif callable(step):
                return step(self.sent[-1]["id"] if self.sent else 0)
            elif step is None:
                self._script.appendleft(step)
                break
            else:
                return step
        self._silent_until(deadline)
        return None

    def _usage(self) -> Usage:
        return self.usage

    def _kill(self) -> None:
        self.killed = True

    def _exit_detail(self) -> str:
        return "exited with status 1"

    def _engine_lost(self) -> bool:
        return self.lost

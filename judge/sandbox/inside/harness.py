"""The harness: imports one submission, then serves calls from the host as JSON lines.

Runs inside the sandbox on the image's Python, so it imports only the standard library and
`wire.py` from its own folder. It is untrusted from the host's point of view: the submission
shares its process and may patch anything here, so the host checks every reply (lockstep ids,
size caps, cgroup accounting) and never takes the harness' word for a verdict in its favour.

Usage: python3 -I harness.py, then the host's first line says what to import. The harness
starts before its submission exists (a sandbox is got ready ahead of the judgement that
will use it), so the interpreter's own start is off the judgement's path.

Protocol (one JSON object per line; the host's load first, then the harness' hello):

    load    {"id": 0, "op": "load", "path": SUBMISSION, "entry": ENTRY}
            ENTRY describes the entry point: {"kind": "function", "name": "two_sum",
            "arity": 2} or {"kind": "class", "name": "TopK", "init_arity": 1,
            "methods": {"add": 1, "top": 0}}
    hello   {"id": 0, "ok": true}  or  {"id": 0, "ok": false, "error": "compile", ...}
    call    {"id": n, "op": "call", "args": [...]}              -> {"id": n, "ok": true, "value": v}
    new     {"id": n, "op": "new", "args": [...]}               -> {"id": n, "ok": true}
    batch   {"id": n, "op": "batch", "method": m, "calls": xs, "single": s, "void": v}
            call method m once per item of xs: each item is an argument list, or the lone
            argument when s is true; -> "values": [...] (null when v is true)
    exit    {"id": n, "op": "exit"}                             -> the harness exits

Every ok reply carries "time_ns" (wall time inside the call) and "cpu_ns" (process CPU time).
A failed call answers {"id": n, "ok": false, "error": KIND, "type": ..., "message": ...,
"traceback": ...} with KIND one of "exception", "memory", "exit", "unencodable".
"""

from __future__ import annotations

import builtins
import collections.abc
import gc
import importlib.util
import os
import sys
import threading
import time
import traceback
from typing import Any

RECURSION_LIMIT = 50_000
"""Deep enough for recursive DFS on large inputs; far beyond it, RecursionError (RE)."""
SUBMISSION_MODULE = "solution"
_submission_path = ""
"""The submission's absolute path, set once it loads; tracebacks show only its name."""
TRACEBACK_CHARS = 4000
TRACEBACK_FRAMES = 30
"""Innermost frames kept in a traceback. A RecursionError carries 50,000: extracting and
formatting them all takes seconds, which a loaded machine would turn into a TLE."""


# A private copy of the builtins for this module and the wire module, taken before the
# submission loads: a submission that patches `builtins.isinstance` or `builtins.len` does
# not change how the harness reads requests or writes replies.
__builtins__ = dict(vars(builtins))  # type: ignore[assignment]


class BuiltinsSwap:
    """The submission's builtins while its code runs, the interpreter's own otherwise.

    The standard library the harness uses (json, inspect, traceback) reads the shared
    `builtins` module; a submission that patches it must not break them. Its patches are
    kept and put back for its next call, so its own code sees what it set up.
    """

    def __init__(self) -> None:
        self.original = dict(vars(builtins))
        self.submission = self.original

    def enter(self) -> None:
        if self.submission is not self.original:  # only a submission that patched them
            self._replace(self.submission)

    def leave(self) -> None:
        current = vars(builtins)
        # dict equality runs in C and settles unpatched entries by identity; a patched entry
        # whose __eq__ raises fails the submission's own call, which is fair.
        if current != self.original:
            self.submission = dict(current)
            self._replace(self.original)

    @staticmethod
    def _replace(values: dict[str, Any]) -> None:
        current = vars(builtins)
        current.clear()
        current.update(values)


_builtins = BuiltinsSwap()


def _load_sibling(name: str) -> Any:
    """A module from this folder, with its own copy of the builtins (see above)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"judge_{name}", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    module.__dict__["__builtins__"] = dict(vars(builtins))
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


wire = _load_sibling("wire")
entrypoints = _load_sibling("entrypoints")


class Channel:
    """The protocol's own file descriptors, moved away from 0/1 before the submission loads."""

    def __init__(self) -> None:
        self.reader = os.fdopen(os.dup(0), "rb", buffering=1 << 16)
        self.out_fd = os.dup(1)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        # Whatever the submission prints goes to stderr, which the host reads and caps.
        os.dup2(2, 1)
        sys.stdin = open(os.devnull)  # noqa: SIM115 - lives as long as the process

    def read(self) -> dict[str, Any] | None:
        line = self.reader.readline()
        if not line:
            return None
        return wire.decode_line(line)  # type: ignore[no-any-return]

    def send(self, message: dict[str, Any]) -> None:
        data = memoryview(wire.encode_line(message))
        while data:
            written = _write(self.out_fd, data)
            data = data[written:]


def _submission_traceback(error: BaseException) -> str:
    """The traceback without the harness' or importlib's frames: users debug their own code."""
    try:
        here = os.path.abspath(__file__)
        innermost, skipped = _innermost(error.__traceback__, TRACEBACK_FRAMES)
        frames = [
            frame
            for frame in traceback.extract_tb(innermost)
            if not frame.filename.startswith("<frozen") and os.path.abspath(frame.filename) != here
        ]
        lines = ["Traceback (most recent call last):\n"] if frames else []
        if skipped:
            lines.append(f"  ... {skipped} earlier frames not shown ...\n")
        lines += traceback.format_list(frames)
        lines += traceback.format_exception_only(type(error), error)
        # The same name in every sandbox, so that reports do not differ by staging folder.
        return "".join(lines).replace(_submission_path, SUBMISSION_MODULE + ".py")[
            -TRACEBACK_CHARS:
        ]
    except BaseException:
        return f"{type(error).__name__}: <unprintable>"


def _innermost(tb: Any, keep: int) -> tuple[Any, int]:
    """The traceback from its `keep` innermost frames on, and how many frames were skipped.
    Walked by hand: `extract_tb(limit=-n)` still computes positions for every frame."""
    depth, probe = 0, tb
    while probe is not None:
        depth, probe = depth + 1, probe.tb_next
    skipped = max(depth - keep, 0)
    for _ in range(skipped):
        tb = tb.tb_next
    return tb, skipped


def _failure(error: BaseException, kind: Any = None) -> dict[str, Any]:
    if kind is None:
        if isinstance(error, MemoryError):
            kind = wire.ErrorKind.MEMORY
        elif isinstance(error, SystemExit):
            kind = wire.ErrorKind.EXIT
        else:
            kind = wire.ErrorKind.EXCEPTION
    return {
        "ok": False,
        "error": kind,
        "type": type(error).__name__,
        "message": _safe_str(error)[:TRACEBACK_CHARS],
        "traceback": _submission_traceback(error),
    }


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except BaseException:
        return f"<unprintable {type(value).__name__}>"


class Submission:
    """The loaded submission and its entry point, resolved once."""

    def __init__(self, path: str, entry: dict[str, Any]) -> None:
        global _submission_path
        _submission_path = os.path.abspath(path)
        self.entry = entry
        spec = importlib.util.spec_from_file_location(SUBMISSION_MODULE, path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        module.__dict__.update(entrypoints.prelude())
        sys.modules[SUBMISSION_MODULE] = module
        _builtins.enter()
        try:
            spec.loader.exec_module(module)  # type: ignore[union-attr]
        finally:
            _builtins.leave()
        self.module = module
        self.instance: Any = None
        self.method_names: dict[str, str] = {}
        """The problem's method names to the submission's spelling (top_k -> topK)."""
        name = entry["name"]
        if entry["kind"] == "function":
            self.function = entrypoints.find_function(module, name, entry["arity"])
        else:
            self.cls, self.method_names = entrypoints.find_class(
                module, name, entry["init_arity"], entry["methods"]
            )


_clock, _cpu_clock, _write = time.perf_counter_ns, time.process_time_ns, os.write
_freeze, _unfreeze = gc.freeze, gc.unfreeze
"""Bound before the submission loads, so patching `time`, `os` or `gc` does not reach them.
(The submission can still patch this module; the host corroborates times with the cgroup.)"""


def _timed(function: Any, *args: Any) -> tuple[Any, int, int]:
    """Call and time. Everything alive before the call (the decoded arguments above all) is
    frozen out of the collector for its length: a collection the submission's allocations
    trigger then never walks 10^5 input tuples, so a case's time is the submission's work
    and does not swing with when collections happen to fall (stress times were 11-28%
    apart over runs for inputs of many small objects)."""
    clock, cpu_clock = _clock, _cpu_clock
    _builtins.enter()
    _freeze()
    try:
        cpu_start, start = cpu_clock(), clock()
        value = function(*args)
        end, cpu_end = clock(), cpu_clock()
    finally:
        _unfreeze()
        _builtins.leave()
    return value, end - start, cpu_end - cpu_start


class RemoteSequence(collections.abc.Sequence):  # type: ignore[type-arg]
    """A sequence whose items stay on the host: each read is one round trip, which the host
    counts and charges (a scan of 10^6 items cannot finish in time; a binary search's 20
    reads cost milliseconds). Slices read their items one by one."""

    def __init__(self, channel: Channel, request_id: Any, length: int, source: int) -> None:
        self._channel, self._request_id = channel, request_id
        self._length, self._source = length, source

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(self._length))]
        position = index.__index__()
        if position < 0:
            position += self._length
        if not 0 <= position < self._length:
            raise IndexError("sequence index out of range")
        self._channel.send({"id": self._request_id, "read": [self._source, position]})
        answer = self._channel.read()
        if answer is None or answer.get("id") != self._request_id or "item" not in answer:
            raise RuntimeError("the host did not answer a read")  # the host ends the session
        return wire.from_wire(answer["item"])

    def __repr__(self) -> str:
        return f"<sequence of {self._length} items on the host>"


def _handle(submission: Submission, request: dict[str, Any], channel: Channel) -> dict[str, Any]:
    op = request.get("op")
    request_id = request.get("id")

    def remote(length: int, source: int) -> RemoteSequence:
        return RemoteSequence(channel, request_id, length, source)

    # pop, not get: the raw JSON must not stay alive beside the decoded arguments.
    if op == wire.Op.CALL:
        args = wire.from_wire(request.pop("args"), remote=remote)
        value, wall, cpu = _timed(submission.function, *args)
        return {"ok": True, "value": _encode_value(value), "time_ns": wall, "cpu_ns": cpu}
    if op == wire.Op.NEW:
        args = wire.from_wire(request.pop("args"))
        submission.instance, wall, cpu = _timed(submission.cls, *args)
        return {"ok": True, "time_ns": wall, "cpu_ns": cpu}
    if op == wire.Op.BATCH:
        if submission.instance is None:
            raise RuntimeError("batch before new")
        method = getattr(submission.instance, submission.method_names[request["method"]])
        calls = wire.from_wire(request.pop("calls"))
        void, single = bool(request.get("void")), bool(request.get("single"))

        def run_all() -> list[Any]:
            values = []
            for argument in calls:
                value = method(argument) if single else method(*argument)
                if not void:
                    values.append(value)
            return values

        values, wall, cpu = _timed(run_all)
        encoded = None if void else _encode_value(values)
        return {"ok": True, "values": encoded, "time_ns": wall, "cpu_ns": cpu}
    raise ValueError(f"unknown op {op!r}")


def _encode_value(value: Any) -> Any:
    try:
        return wire.to_wire(value)
    except wire.WireError as error:
        raise Unencodable(str(error)) from None
    except RecursionError:
        raise Unencodable("returned value is nested too deeply") from None


class Unencodable(Exception):
    """The submission returned something the wire cannot carry (a generator, a set, ...)."""


def load(channel: Channel, path: str, entry: dict[str, Any]) -> Submission | None:
    """Import the submission (in the main thread, so `signal.signal` at import works) and
    say hello: ok, or the reason it cannot be judged."""
    try:
        submission = Submission(path, entry)
    except entrypoints.EntryPointError as error:
        channel.send({"id": 0, **_failure(error, wire.ErrorKind.ENTRY)})
        return None
    except BaseException as error:
        channel.send({"id": 0, **_failure(error, wire.ErrorKind.COMPILE)})
        return None
    channel.send({"id": 0, "ok": True})
    return submission


def serve(channel: Channel, submission: Submission) -> None:
    while True:
        request = channel.read()
        if request is None or request.get("op") == wire.Op.EXIT:
            return
        try:
            reply = _handle(submission, request, channel)
        except Unencodable as error:
            reply = _failure(error, wire.ErrorKind.UNENCODABLE)
        except BaseException as error:
            reply = _failure(error)
        try:
            channel.send({"id": request.get("id"), **reply})
        except MemoryError as error:  # encoding a huge answer: the submission's memory
            reply = {}
            channel.send({"id": request.get("id"), **_failure(error)})


def _first_to_go_when_memory_runs_out() -> None:
    """Make this process (and whatever the submission starts) the OOM killer's first choice.

    Memory charged to the container but to no process (memfds, tmpfs) would otherwise make
    the container's own init and keeper as likely a victim as the harness, and their death
    would look like an outside kill. Raising one's own score needs no privilege (lowering
    another's would, and some engines refuse it). A submission that lowers its score again
    can at worst get an init killed: the host then reads the engine's OOM flag (MLE)."""
    try:
        with open("/proc/self/oom_score_adj", "w") as stream:
            stream.write("1000")
    except OSError:
        pass


def main() -> None:
    _first_to_go_when_memory_runs_out()
    channel = Channel()
    sys.setrecursionlimit(RECURSION_LIMIT)
    opening = channel.read()
    if opening is None or opening.get("op") != wire.Op.LOAD:  # the host went away unused
        os._exit(0)
    submission = load(channel, opening["path"], opening["entry"])
    if submission is not None:
        # Calls run on a thread with a large stack, so deep (but finite) recursion works.
        threading.stack_size(wire.HARNESS_STACK_BYTES)
        worker = threading.Thread(target=serve, args=(channel, submission), daemon=True)
        worker.start()
        worker.join()
    # os._exit: neither the submission's atexit hooks nor its non-daemon threads may keep the
    # sandbox alive or print after the session ends.
    os._exit(0)


if __name__ == "__main__":
    main()

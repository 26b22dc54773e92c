"""The daemon's processes: the warm parent, and the ready child it forks for each command.

The parent never runs a command and never talks to Docker: it imports the judge, listens,
and forks. So each fork starts from one thread and no open connection, and a ready child
makes its own Docker client. The ready child accepts connections itself; the first `run` it
accepts makes it that command's process (it tells the parent over a pipe, whose end of file
then says the command ended), and a `status` is answered without using it up. The parent
forks the next ready child when the command ends, or at once if a connection is waiting.

A forked child must end through a normal interpreter exit (atexit hooks kill its spare
container, threads are joined), never by unwinding the parent's frames: `serve` therefore
returns the child's `Command` to the top level (`__main__`), which runs it and exits.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import select
import signal
import socket
import struct
import sys
import sysconfig
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from judge import __version__
from judge.daemon.address import PACKAGE, Address
from judge.daemon.messages import (
    FORWARDED_SIGNALS,
    Channel,
    ProtocolError,
    RunRequest,
    Status,
)

if TYPE_CHECKING:
    from judge.sandbox.docker import DockerSandbox

IDLE_S = 30 * 60
"""How long the daemon waits for a command before it ends."""
WARM_MODULES = (
    "click",
    "rich.console",
    "docker",
    "numpy",
    "hypothesis",
    "judge.core.engine",
    "judge.core.catalog",
    "judge.core.verify_many",
    "judge.grading.pool",
    "judge.practice.sets",
    "judge.reports.console",
    "judge.reports.json",
    "judge.sandbox.docker",
    "judge.sandbox.process",
)
"""Imported once by the parent. Not `judge.cli`: its consoles look at the terminal and the
environment when they are made, which must be the client's (the command imports it)."""
REQUEST_WAIT_S = 5.0
"""How long a ready child waits for a connection's request before dropping it."""
RESTART_PAUSE_S = 1.0
"""A ready child that dies before taking a command is replaced after this pause, so that
a broken setup cannot make the daemon fork without end."""
END_WAIT_S = 10.0
"""How long the ending daemon waits for its ready child to release its container."""
TAKEN, STOPPING = b"T", b"S"
"""What a ready child tells the parent: it took a command; the daemon should end."""
DOCKER_SETTINGS = ("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_CONTEXT")
"""The environment a Docker client is made from: a command with other values gets no held
sandbox (it opens its own)."""


LIBRARIES = tuple(sorted({Path(sysconfig.get_paths()[name]) for name in ("purelib", "platlib")}))
"""Where the judge's dependencies are installed: installing or upgrading one changes the
folder's own modification time."""


class AlreadyRunning(Exception):
    """Another daemon answers on the socket."""


@dataclass(frozen=True)
class CodeSnapshot:
    """The code the daemon imported, as it was on disk: each file of the judge's package, and
    the folders its libraries live in. A change means the daemon would run old code."""

    files: frozenset[tuple[str, int, int]]

    @classmethod
    def take(cls, package: Path = PACKAGE, libraries: tuple[Path, ...] = LIBRARIES) -> CodeSnapshot:
        found = set()
        for library in libraries:
            with contextlib.suppress(OSError):
                found.add((str(library), library.stat().st_mtime_ns, 0))
        for folder, names, files in os.walk(package):
            names[:] = [name for name in names if name != "__pycache__"]
            for name in files:
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    info = os.stat(path)
                    found.add((path, info.st_mtime_ns, info.st_size))
        return cls(frozenset(found))

    def changed(self, package: Path = PACKAGE, libraries: tuple[Path, ...] = LIBRARIES) -> bool:
        return CodeSnapshot.take(package, libraries) != self


class _Stop(BaseException):
    """SIGTERM, SIGINT or SIGHUP reached the daemon. A BaseException, like KeyboardInterrupt,
    so that no `except Exception` on the way (a container's cleanup) swallows it."""


def _raise_stop(number: int, frame: FrameType | None) -> None:
    """The parent's and the ready child's handler of the signals that end them."""
    raise _Stop


def serve(where: Address, idle_s: float = IDLE_S) -> Command | None:
    """Run the daemon until it is idle for `idle_s`, stopped, or out of date: None then. In
    a forked child, returns the command it took (the caller runs it and exits with it)."""
    snapshot = CodeSnapshot.take()
    listener = _listen(where.socket)
    parent = os.getpid()
    try:
        where.pid_file.write_text(f"{parent}\n")
        # The documented recipe for forking without exec: no collection in the parent, and
        # what it made frozen before each fork, so that no child's collection walks (and so
        # copies) the imported modules' objects.
        gc.disable()
        for module in WARM_MODULES:
            importlib.import_module(module)
        return _Parent(listener, snapshot, idle_s).run()
    finally:
        if os.getpid() == parent:
            listener.close()
            for path in (where.socket, where.pid_file):
                with contextlib.suppress(OSError):
                    path.unlink()


def _listen(path: Path) -> socket.socket:
    """Bind the socket, replacing a stale one (nobody answers on it), never a live one."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with probe:
        try:
            probe.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        else:
            raise AlreadyRunning(f"a daemon already listens on {path}")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        old = os.umask(0o177)  # the socket file is made 0600 from the start
        try:
            listener.bind(str(path))
        finally:
            os.umask(old)
        listener.listen(16)
    except BaseException:
        listener.close()
        raise
    return listener


@dataclass
class _Child:
    pid: int
    pipe: int
    """Its end of the pipe to the parent: TAKEN or STOPPING, then end of file when it exits."""
    born: float


class _Parent:
    """Keeps one ready child, except while a command runs: the next container then starts
    once the command ends (not beside it, on a two-core machine), or at once if another
    connection is already waiting."""

    def __init__(self, listener: socket.socket, snapshot: CodeSnapshot, idle_s: float) -> None:
        self.listener, self.snapshot, self.idle_s = listener, snapshot, idle_s
        self.since = time.time()
        self.served = 0
        self.ready: _Child | None = None
        self.running: dict[int, _Child] = {}
        """Commands running, by their pipe."""

    def run(self) -> Command | None:
        for number in FORWARDED_SIGNALS:
            signal.signal(number, _raise_stop)
        deadline = time.monotonic() + self.idle_s
        try:
            while True:
                if self.ready is None and (not self.running or _waiting(self.listener)):
                    forked = self._fork()
                    if not isinstance(forked, _Child):
                        return forked  # in the child: its command, or None to exit
                    self.ready = forked
                wait = min(1.0, deadline - time.monotonic())
                if wait <= 0:
                    return None  # idle
                watched = [*self.running, self.ready.pipe if self.ready else self.listener]
                for fd in select.select(watched, [], [], wait)[0]:
                    if fd in self.running:  # a command ended
                        os.close(fd)
                        del self.running[fd]
                        _reap()
                    elif self.ready is not None and fd == self.ready.pipe:
                        note = os.read(fd, 64)
                        if STOPPING in note:  # it releases its sandbox and exits by itself
                            _end(self.ready.pid, terminate=False)
                            self.ready = None
                            return None
                        if TAKEN in note:
                            self.served += 1
                            deadline = time.monotonic() + self.idle_s
                            self.running[fd] = self.ready
                        else:  # it died before taking a command
                            os.close(fd)
                            _reap()
                            if time.monotonic() - self.ready.born < RESTART_PAUSE_S:
                                time.sleep(RESTART_PAUSE_S)
                        self.ready = None
        except _Stop:
            return None
        finally:
            if self.ready is not None and os.getpid() != self.ready.pid:
                _end(self.ready.pid)

    def _fork(self) -> _Child | Command | None:
        """In the parent: the new ready child. In the child: what `_Ready.run` returns."""
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        reading, writing = os.pipe()
        gc.freeze()
        pid = os.fork()
        if pid:
            os.close(writing)
            return _Child(pid, reading, time.monotonic())
        gc.enable()
        os.close(reading)
        for fd in self.running:
            os.close(fd)
        self.running.clear()
        for number in FORWARDED_SIGNALS:
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        ready = _Ready(self.listener, writing, self.snapshot, self._status)
        try:
            return ready.run()
        except BaseException:
            traceback.print_exc()
            return None

    def _status(self, sandbox: str) -> Status:
        return Status(os.getppid(), __version__, self.since, self.served, sandbox)


def _waiting(listener: socket.socket) -> bool:
    """Whether a connection waits to be accepted."""
    return bool(select.select([listener], [], [], 0)[0])


def _end(pid: int, terminate: bool = True) -> None:
    """Stop the ready child (unless it is ending by itself) and wait (a while) until it has
    killed its container, so that nothing of the daemon is left once `judge daemon stop`
    returns."""
    if terminate:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + END_WAIT_S
    with contextlib.suppress(ChildProcessError):
        while not os.waitpid(pid, os.WNOHANG)[0] and time.monotonic() < deadline:
            time.sleep(0.02)


def _reap() -> None:
    """Collect ended children (ready ones and commands), so none lingers as a zombie."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


class _Ready:
    """A forked child waiting for a command, a sandbox started for it."""

    def __init__(
        self,
        listener: socket.socket,
        pipe: int,
        snapshot: CodeSnapshot,
        status: Callable[[str], Status],
    ) -> None:
        self.listener, self.pipe, self.snapshot, self.status = listener, pipe, snapshot, status
        self.held: DockerSandbox | None = None
        self.sandbox_note = "none"
        self.environment = {name: os.environ.get(name) for name in DOCKER_SETTINGS}

    def run(self) -> Command | None:
        """The command this child took, or None when it is to exit (stopped, out of date)."""
        signal.signal(signal.SIGTERM, _raise_stop)
        signal.signal(signal.SIGHUP, _raise_stop)
        try:
            self._open_sandbox()
            while True:
                connection, _ = self.listener.accept()
                try:
                    command = self._answer(connection)
                except (OSError, ProtocolError) as error:
                    print(f"dropped a connection: {error}", file=sys.stderr)
                    command = None
                if command is not None:
                    return command if command.request is not None else None
                connection.close()
        except _Stop:
            self._release()
            return None
        finally:
            self.listener.close()  # the parent's: this child never accepts again

    def _open_sandbox(self) -> None:
        from judge.core.errors import SandboxUnavailable
        from judge.sandbox import get_ready
        from judge.sandbox.docker import DockerSandbox

        try:
            self.held = DockerSandbox()
        except SandboxUnavailable as error:
            self.sandbox_note = f"none ({error})"
            return
        get_ready(self.held)
        self.sandbox_note = "docker"

    def _answer(self, connection: socket.socket) -> Command | None:
        """Answer one connection. A Command when it is taken: with no request when the
        daemon is to end (it is out of date), else the command to run."""
        if not _same_user(connection):
            raise ProtocolError("a connection from another user")
        connection.settimeout(REQUEST_WAIT_S)
        channel = Channel(connection)
        try:
            message = channel.receive()
            if message is None:
                return None
            op = message.get("op")
            if op == "status":
                channel.send(vars(self.status(self.sandbox_note)))
                return None
            if op != "run":
                raise ProtocolError(f"no op {op!r}")
            request = RunRequest.from_message(message)
            if len(channel.fds) != 3:
                raise ProtocolError("a run comes with its stdin, stdout and stderr")
            if request.version != __version__ or self.snapshot.changed():
                channel.close_fds()
                channel.send({"declined": "the daemon is out of date: it ends"})
                os.write(self.pipe, STOPPING)
                self._release()
                return Command(None, channel, ())
            try:
                os.chdir(request.cwd)
            except OSError as error:
                channel.close_fds()
                channel.send({"declined": f"cannot enter the command's folder ({error})"})
                return None
            for number in (signal.SIGTERM, signal.SIGHUP):  # as in a fresh process
                signal.signal(number, signal.SIG_DFL)
            os.write(self.pipe, TAKEN)  # the pipe stays open: its end tells the parent ours
            self.listener.close()
            fds, channel.fds = tuple(channel.fds), []
            connection.settimeout(None)
            self._hand_over(request.env)
            return Command(request, channel, fds)
        except BaseException:
            channel.close_fds()
            raise

    def _hand_over(self, env: Mapping[str, str]) -> None:
        """Let the command's `open_sandbox` take the held sandbox, if it still fits: the
        same Docker settings, and the image it was started from still the current one."""
        from judge.sandbox import hold

        held, self.held = self.held, None
        if held is None:
            return
        same = all(env.get(name) == value for name, value in self.environment.items())
        if same and held.image_is_current():
            hold(held)
        else:
            held.close()

    def _release(self) -> None:
        """Kill the held container; this child is ending, so a second stop must not cut the
        kill short (it would leave the container running)."""
        for number in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, signal.SIG_IGN)
        if self.held is not None:
            self.held.close()
            self.held = None


def _same_user(connection: socket.socket) -> bool:
    credentials = connection.getsockopt(
        socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")
    )
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


@dataclass
class Command:
    """A taken command, run in the child's own process (see `run`). `request` None: the
    child has nothing to run and exits."""

    request: RunRequest | None
    channel: Channel
    fds: tuple[int, ...]
    _done: threading.Event = field(default_factory=threading.Event)

    def run(self) -> int:
        """Become the client's command: its streams, environment and umask (its folder is
        entered already), then the CLI as a fresh process runs it. Returns the exit code,
        which the client has been sent."""
        request = self.request
        if request is None:
            return 0
        os.environ.clear()
        os.environ.update(request.env)
        os.umask(request.umask)
        _adopt_streams(self.fds, request.streams)
        sys.argv = ["judge", *request.argv]
        self.channel.send({"started": True})
        threading.Thread(target=self._relay_signals, daemon=True).start()
        from judge.cli import main
        from judge.sandbox import release_held

        try:
            main(args=list(request.argv), prog_name="judge")
            code = 0
        except SystemExit as end:
            code = _exit_code(end.code)
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a late Ctrl-C: the command is over
            release_held()  # a command that judged elsewhere leaves no container behind
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
        self._done.set()
        with contextlib.suppress(OSError):
            self.channel.send({"exit": code})
        return code

    def _relay_signals(self) -> None:
        """The client's Ctrl-C (or its end) reaches this process as its own signal would."""
        while True:
            try:
                message = self.channel.receive()
            except (OSError, ProtocolError):
                message = None
            if self._done.is_set():
                return
            if message is None:  # the client is gone: stop as on Ctrl-C
                os.kill(os.getpid(), signal.SIGINT)
                return
            number = message.get("number")
            if message.get("op") == "signal" and number in set(FORWARDED_SIGNALS):
                os.kill(os.getpid(), number)


def _adopt_streams(fds: tuple[int, ...], streams: tuple[tuple[str, str], ...]) -> None:
    """Make descriptors 0-2 the client's and rebuild sys.stdin/stdout/stderr on them as an
    interpreter would have: its encodings, line buffering on a terminal, stderr always.
    (sys.__stdout__ and the others keep the parent's objects, now writing to the client's
    descriptors too: collecting them would close those descriptors.)"""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    made = []
    for target, (encoding, errors) in enumerate(streams):
        line = target == 2 or (target == 1 and os.isatty(target))
        made.append(
            open(  # noqa: SIM115 - the process' standard streams, open until it exits
                target,
                "r" if target == 0 else "w",
                buffering=1 if line else -1,
                encoding=encoding,
                errors=errors,
                closefd=False,
            )
        )
    sys.stdin, sys.stdout, sys.stderr = made


def _exit_code(code: object) -> int:
    """What an interpreter exits with for `sys.exit(code)`."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1

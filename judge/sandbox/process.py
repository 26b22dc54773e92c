"""The process sandbox: the fallback when no Docker engine is available.

A subprocess of the host's Python with resource limits (CPU, data size, file size, open
files, processes, no core dumps), its own session and process group, a minimal environment,
an unprivileged uid when started as root, and (where the kernel allows it) a network
namespace of its own with no interfaces. It is NOT a security boundary: the submission
shares the host's kernel, filesystem view and user; see the README's threat model.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from judge.core.verdict import Limits
from judge.sandbox.inside.wire import HARNESS_STACK_BYTES
from judge.sandbox.session import (
    ENVIRONMENT,
    OPEN_FILES,
    STDERR,
    STDOUT,
    HarnessSession,
    Outcome,
    Usage,
    describe_exit,
)
from judge.sandbox.staging import SUBMISSION_NAME, stage

NOTICE = "judging in the process sandbox: resource limits only, weaker isolation than Docker"
NOTICE_FALLBACK = (
    "judging in the process sandbox (resource limits only: weaker isolation than Docker)"
)
FILE_SIZE_BYTES = 16 << 20
CPU_BACKSTOP_S = 600
"""RLIMIT_CPU counts the whole session, so it is only a backstop: the host's deadline rules."""
EXTRA_PROCESSES = 32
NOBODY = 65534
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


def _libc_unshare() -> Any:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    return getattr(ctypes.CDLL(name, use_errno=True), "unshare", None)


_UNSHARE = _libc_unshare()


def _process_count(uid: int) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def _world_can_run(interpreter: Path) -> bool:
    """Whether an unprivileged uid could start this interpreter (not so under /root)."""
    resolved = interpreter.resolve()
    folders_open = all(folder.stat().st_mode & 0o001 for folder in resolved.parents)
    return folders_open and bool(resolved.stat().st_mode & 0o001)


class ProcessSandbox:
    """Starts sessions as local subprocesses."""

    kind = "process"
    image_id = None

    def prepare(self, limits: Limits) -> None:
        """Nothing to prepare: a process starts in milliseconds."""

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> ProcessSession:
        return ProcessSession(submission, entry, limits)

    def close(self) -> None:
        """Nothing is kept between sessions."""


class ProcessSession(HarnessSession):
    """A harness running as a limited local subprocess."""

    def __init__(self, submission: Path, entry: dict[str, Any], limits: Limits) -> None:
        super().__init__(limits)
        self._stage = stage(submission)
        self._killed = False
        try:
            scratch = self._stage / "scratch"
            scratch.mkdir()
            scratch.chmod(0o777)
            is_root = os.geteuid() == 0
            drop_to_nobody = is_root and _world_can_run(Path(sys.executable))
            processes = _process_count(NOBODY if drop_to_nobody else os.getuid()) + EXTRA_PROCESSES
            # RLIMIT_DATA counts reserved memory, so it also covers the harness' thread stack.
            memory_bytes = (limits.memory_mib << 20) + HARNESS_STACK_BYTES

            def confine() -> None:  # runs in the child between fork and exec
                if _UNSHARE is not None:
                    _UNSHARE(CLONE_NEWNET if is_root else CLONE_NEWUSER | CLONE_NEWNET)
                resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
                resource.setrlimit(resource.RLIMIT_CPU, (CPU_BACKSTOP_S, CPU_BACKSTOP_S))
                resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))
                resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_BYTES, FILE_SIZE_BYTES))
                resource.setrlimit(resource.RLIMIT_NOFILE, (OPEN_FILES, OPEN_FILES))
                if drop_to_nobody:
                    os.setgroups([])
                    os.setgid(NOBODY)
                    os.setuid(NOBODY)
                resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))

            command = [sys.executable, "-I", str(self._stage / "harness.py")]
            self._selector = selectors.DefaultSelector()
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=scratch,
                env={**ENVIRONMENT, "PATH": os.defpath, "HOME": str(scratch)},
                preexec_fn=confine,
                start_new_session=True,
            )
            for stream, pipe in ((STDOUT, self._process.stdout), (STDERR, self._process.stderr)):
                assert pipe is not None
                os.set_blocking(pipe.fileno(), False)
                self._selector.register(pipe, selectors.EVENT_READ, stream)
            self._open_streams = 2
            self._load(str(self._stage / SUBMISSION_NAME), entry)
        except BaseException:  # interrupted halfway (a Ctrl-C): leave no process or folder
            if hasattr(self, "_process"):
                self._kill()
            else:
                shutil.rmtree(self._stage, ignore_errors=True)
            raise

    def _send(self, data: bytes, deadline: float) -> Outcome | None:
        stdin = self._process.stdin
        if stdin is None or stdin.closed:
            return Outcome.CRASH
        view = memoryview(data)
        fd = stdin.fileno()
        os.set_blocking(fd, False)
        try:
            while view:
                if time.monotonic() >= deadline:
                    return Outcome.TIMEOUT
                try:
                    view = view[os.write(fd, view) :]
                except BlockingIOError:
                    time.sleep(0.001)
        except OSError:
            return Outcome.CRASH
        return None

    def _receive(self, deadline: float) -> tuple[int, bytes] | None:
        while True:
            if self._open_streams == 0:
                return (STDOUT, b"")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            events = self._selector.select(remaining)
            if not events:
                return None
            for key, _ in events:
                try:
                    data = os.read(key.fd, 1 << 16)
                except BlockingIOError:
                    continue
                if data:
                    return (key.data, data)
                self._selector.unregister(key.fileobj)
                self._open_streams -= 1
                if key.data == STDOUT:
                    return (STDOUT, b"")

    def _usage(self) -> Usage:
        pid = self._process.pid
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks = os.sysconf("SC_CLK_TCK")
            cpu_s = (int(fields[11]) + int(fields[12])) / ticks
            status = Path(f"/proc/{pid}/status").read_text()
        except (OSError, ValueError, IndexError):
            return Usage()
        peak = next(
            (
                int(line.split()[1]) * 1024
                for line in status.splitlines()
                if line.startswith("VmHWM")
            ),
            None,
        )
        return Usage(cpu_s=cpu_s, memory_peak_bytes=peak)

    def _exit_detail(self) -> str:
        try:
            code = self._process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            return "the harness stopped answering"
        return describe_exit(128 - code if code < 0 else code)

    def _engine_lost(self) -> bool:
        return False

    def _kill(self) -> None:
        if not self._killed:
            self._killed = True
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
            self._selector.close()
            for pipe in (self._process.stdin, self._process.stdout, self._process.stderr):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
        shutil.rmtree(self._stage, ignore_errors=True)

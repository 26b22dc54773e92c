"""The Docker sandbox: one locked-down container per session, the harness run in it by exec.

Why exec and not the container's own command: the container's first process is a root-owned
`sleep` that the unprivileged submission cannot signal, so the container (and its cgroup)
outlives the harness. That lets the host read the cgroup's OOM-kill counter and the exec's
exit code *after* the harness died, instead of racing the engine's cleanup of a dead
container. An exec costs about 70 ms on top of the container's start.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docker
import docker.errors
from docker.types import LogConfig, Ulimit

from judge.core.errors import SandboxUnavailable
from judge.core.verdict import Limits
from judge.sandbox.image import find_image, image_tag
from judge.sandbox.session import (
    ENVIRONMENT,
    OPEN_FILES,
    STDERR,
    STDOUT,
    HarnessSession,
    Outcome,
    SessionFailed,
    Usage,
    describe_exit,
)
from judge.sandbox.staging import SUBMISSION_NAME, stage

USER = "65534:65534"
TMPFS_MIB = 16
ENGINE_NOTICE_S = 0.3
OWNER_LABEL = "judge.owner"
"""host:pid of the judging process, so containers of a judge that died can be swept."""
PIDS_LIMIT = 64


@dataclass(frozen=True)
class CgroupFiles:
    """Where the container's accounting lives on the host (cgroup v1 or v2)."""

    cpu_ns: Path | None
    cpu_usec: Path | None
    memory_peak: Path | None
    oom_events: Path | None

    @classmethod
    def for_pid(cls, pid: int) -> CgroupFiles | None:
        try:
            lines = Path(f"/proc/{pid}/cgroup").read_text().splitlines()
        except OSError:
            return None  # a remote engine: no accounting, the harness' times stand alone
        controllers: dict[str, str] = {}
        for line in lines:
            _, names, path = line.split(":", 2)
            for name in names.split(",") if names else [""]:
                controllers[name] = path.lstrip("/")
        root = Path("/sys/fs/cgroup")
        if "memory" in controllers:  # v1
            memory = root / "memory" / controllers["memory"]
            cpu = root / "cpuacct" / controllers.get("cpuacct", controllers.get("cpu", ""))
            return cls(
                cpu_ns=cpu / "cpuacct.usage",
                cpu_usec=None,
                memory_peak=memory / "memory.max_usage_in_bytes",
                oom_events=memory / "memory.oom_control",
            )
        unified = root / controllers.get("", "")
        return cls(
            cpu_ns=None,
            cpu_usec=unified / "cpu.stat",
            memory_peak=unified / "memory.peak",
            oom_events=unified / "memory.events",
        )

    def usage(self) -> Usage:
        return Usage(cpu_s=self._cpu_s(), memory_peak_bytes=self._peak(), oom_kills=self._ooms())

    def reset_peak(self) -> None:
        if self.memory_peak is not None and self.memory_peak.name == "memory.max_usage_in_bytes":
            # Not root: the peak stays the session's rather than the case's.
            with contextlib.suppress(OSError):
                self.memory_peak.write_text("0")

    def _cpu_s(self) -> float | None:
        try:
            if self.cpu_ns is not None:
                return int(self.cpu_ns.read_text()) / 1e9
            if self.cpu_usec is not None:
                return _keyed(self.cpu_usec.read_text(), "usage_usec") / 1e6
        except (OSError, ValueError):
            pass
        return None

    def _peak(self) -> int | None:
        try:
            return int(self.memory_peak.read_text()) if self.memory_peak else None
        except (OSError, ValueError):
            return None

    def _ooms(self) -> int | None:
        try:
            return int(_keyed(self.oom_events.read_text(), "oom_kill")) if self.oom_events else None
        except (OSError, ValueError, KeyError):
            return None


def _keyed(text: str, key: str) -> int:
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name == key:
            return int(value)
    raise KeyError(key)


def _unix_socket_missing() -> bool:
    """A quick answer for the common case of no local engine (and it spares the SDK, which
    leaks a socket when connecting to a missing one)."""
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    return host.startswith("unix://") and not Path(host.removeprefix("unix://")).exists()


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def sweep_orphans(client: docker.DockerClient) -> int:
    """Remove session containers whose judging process on this host no longer exists (it
    was killed before it could clean up). Returns how many were removed."""
    host = socket.gethostname()
    removed = 0
    # The low-level listing carries the labels: the high-level one inspects each container
    # in turn, and fails when another judge sweeps the same orphan in between.
    for summary in client.api.containers(all=True, filters={"label": OWNER_LABEL}):
        labels = summary.get("Labels") or {}
        owner_host, _, pid = labels.get(OWNER_LABEL, "").partition(":")
        if owner_host == host and pid.isdigit() and not Path(f"/proc/{pid}").exists():
            with contextlib.suppress(docker.errors.DockerException):
                client.api.remove_container(summary["Id"], force=True)
                removed += 1
    return removed


def connect() -> docker.DockerClient:
    """A client for the local engine, or SandboxUnavailable saying how to start one, or
    how to get the right to use its socket (a user outside the `docker` group)."""
    client = None
    try:
        if _unix_socket_missing():
            raise FileNotFoundError("no Docker socket")
        client = docker.from_env(timeout=30)
        client.ping()
    except Exception as error:  # the SDK raises several unrelated types here
        if client is not None:
            client.close()
        # The SDK wraps the socket's PermissionError (EACCES) in DockerException, requests'
        # ConnectionError and urllib3's ProtocolError: look through causes and arguments.
        pending: list[object] = [error]
        denied = False
        for _ in range(64):  # a bound, not a count that matters: the chains are short
            if not pending or denied:
                break
            found = pending.pop()
            if isinstance(found, BaseException):
                denied = isinstance(found, PermissionError)
                pending += [found.__cause__, found.__context__, *found.args]
        if denied:
            host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
            raise SandboxUnavailable(
                f"this user may not use the Docker engine's socket {host.removeprefix('unix://')}"
                " (permission denied). Join the `docker` group with "
                "`sudo usermod -aG docker $USER`, then log out and in again (or run "
                "`newgrp docker`); membership is root-equivalent. Or judge with "
                "`--sandbox process` (weaker isolation)."
            ) from None
        raise SandboxUnavailable(
            "the Docker engine does not answer "
            f"({type(error).__name__}). Start it (e.g. `sudo systemctl start docker`, or "
            "`sudo dockerd &`), or judge with `--sandbox process` (weaker isolation)."
        ) from None
    return client


class DockerSandbox:
    """Starts sessions in containers of the sandbox image."""

    kind = "docker"

    def __init__(self, client: docker.DockerClient | None = None, tag: str | None = None) -> None:
        self.client = client or connect()
        self.tag = tag or image_tag()
        image = find_image(self.client, self.tag)
        if image is None:
            if client is None:
                self.client.close()
            raise SandboxUnavailable(
                f"the sandbox image {self.tag} is missing: build it with `judge sandbox build` "
                "(or `judge sandbox build --offline` without a registry)."
            )
        self.image_id: str = image.id
        sweep_orphans(self.client)

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> DockerSession:
        return DockerSession(self, submission, entry, limits)


class DockerSession(HarnessSession):
    """A harness running in its own container."""

    def __init__(
        self, sandbox: DockerSandbox, submission: Path, entry: dict[str, Any], limits: Limits
    ) -> None:
        super().__init__(limits)
        self.client = sandbox.client
        self._stage = stage(submission)
        self._container: Any = None
        self._sock: socket.socket | None = None
        self._raw = bytearray()
        self._socket_io: Any = None
        self._killed = False
        self._cgroup: CgroupFiles | None = None
        self._init_pid: int | None = None
        try:
            self._container = self._create(sandbox.image_id, limits)
            self._container.start()
            self._container.reload()
            self._init_pid = self._container.attrs["State"]["Pid"]
            self._cgroup = CgroupFiles.for_pid(self._init_pid)
            self._exec_id, self._sock = self._exec_harness(entry)
        except docker.errors.DockerException as error:
            self._kill()
            raise SessionFailed(f"could not start the sandbox container: {error}") from None
        except BaseException:
            self._kill()
            raise

    def _create(self, image_id: str, limits: Limits) -> Any:
        memory = f"{limits.memory_mib}m"
        return self.client.containers.create(
            image_id,
            command=["sleep", "infinity"],
            init=True,
            network_mode="none",
            read_only=True,
            tmpfs={"/tmp": f"size={TMPFS_MIB}m,mode=1777,nosuid,nodev"},
            mem_limit=memory,
            memswap_limit=memory,
            pids_limit=PIDS_LIMIT,
            nano_cpus=1_000_000_000,
            cap_drop=["ALL"],
            security_opt=["no-new-privileges"],
            ipc_mode="none",
            ulimits=[
                Ulimit(name="core", soft=0, hard=0),
                Ulimit(name="fsize", soft=TMPFS_MIB << 20, hard=TMPFS_MIB << 20),
                Ulimit(name="nofile", soft=OPEN_FILES, hard=OPEN_FILES),
            ],
            log_config=LogConfig(type="none"),
            environment=ENVIRONMENT,
            volumes={str(self._stage): {"bind": "/judge", "mode": "ro"}},
            working_dir="/tmp",
            labels={"judge.session": "1", OWNER_LABEL: _owner()},
            detach=True,
        )

    def _exec_harness(self, entry: dict[str, Any]) -> tuple[str, socket.socket]:
        command = [
            "python3",
            "-I",
            "/judge/harness.py",
            f"/judge/{SUBMISSION_NAME}",
            json.dumps(entry),
        ]
        exec_id = self.client.api.exec_create(
            self._container.id,
            command,
            stdin=True,
            stdout=True,
            stderr=True,
            user=USER,
            environment=ENVIRONMENT,
            workdir="/tmp",
        )["Id"]
        self._socket_io = self.client.api.exec_start(exec_id, socket=True)
        raw: socket.socket = getattr(self._socket_io, "_sock", self._socket_io)
        raw.setblocking(True)
        return exec_id, raw

    # --- transport ---------------------------------------------------------------------
    def _send(self, data: bytes, deadline: float) -> Outcome | None:
        if self._sock is None:
            return Outcome.CRASH
        view = memoryview(data)
        try:
            while view:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return Outcome.TIMEOUT
                _, writable, _ = select.select([], [self._sock], [], remaining)
                if writable:
                    view = view[self._sock.send(view) :]
        except OSError:
            return Outcome.CRASH
        return None

    def _receive(self, deadline: float) -> tuple[int, bytes] | None:
        while True:
            frame = self._next_frame()
            if frame is not None:
                return frame
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._sock is None:
                return None if self._sock is not None else (STDOUT, b"")
            readable, _, _ = select.select([self._sock], [], [], remaining)
            if not readable:
                return None
            try:
                data = self._sock.recv(1 << 16)
            except OSError:
                data = b""
            if not data:
                return (STDOUT, b"")
            self._raw += data

    def _next_frame(self) -> tuple[int, bytes] | None:
        """Docker multiplexes a non-tty stream as frames: 8-byte header, then the payload."""
        if len(self._raw) < 8:
            return None
        stream = self._raw[0]
        size = int.from_bytes(self._raw[4:8], "big")
        if len(self._raw) < 8 + size:
            return None
        payload = bytes(self._raw[8 : 8 + size])
        del self._raw[: 8 + size]
        if not payload:
            return self._next_frame()
        return (STDERR if stream == 2 else STDOUT, payload)

    # --- accounting and lifecycle ----------------------------------------------------------
    def _usage(self) -> Usage:
        return self._cgroup.usage() if self._cgroup is not None else Usage()

    def _reset_peak(self) -> None:
        if self._cgroup is not None:
            self._cgroup.reset_peak()

    def _exit_detail(self) -> str:
        try:
            code = self.client.api.exec_inspect(self._exec_id).get("ExitCode")
        except docker.errors.DockerException:
            return "the sandbox ended"
        return describe_exit(code)

    def _memory_killed(self) -> bool:
        """Whether the engine saw an OOM kill in the container, once the cgroup's own
        counter may be gone with the container."""
        if self._container is None:
            return False
        try:
            self._container.reload()
        except docker.errors.DockerException:
            return False
        return bool(self._container.attrs["State"].get("OOMKilled"))

    def _engine_lost(self) -> bool:
        """Whether the container itself died. Its first process is a root `sleep` the
        submission cannot signal, so a dead container means someone outside killed it. The
        engine notices a kill a few milliseconds after the harness' stream ends: poll briefly."""
        if self._killed or self._container is None:
            return False
        deadline = time.monotonic() + ENGINE_NOTICE_S
        while True:
            if self._init_pid is not None and not Path(f"/proc/{self._init_pid}").exists():
                return True
            try:
                self._container.reload()
            except docker.errors.DockerException:
                return True
            if not self._container.attrs["State"]["Running"]:
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)

    def _kill(self) -> None:
        """Close our end first (an unread attach socket makes kill hang), then remove."""
        self._killed = True
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                self._sock.close()
            self._sock = None
        if self._socket_io is not None:
            # The HTTP response and its file wrapper hold references to the socket: close
            # them in order, or the socket leaks until garbage collection.
            response = getattr(self._socket_io, "_response", None)
            with contextlib.suppress(OSError, ValueError):
                if response is not None:
                    response.close()
                self._socket_io.close()
            self._socket_io = None
        if self._container is not None:
            try:
                self._container.remove(force=True)
            except docker.errors.NotFound:
                pass
            except docker.errors.APIError as error:
                if "already in progress" not in str(error):
                    raise
            self._container = None
        if self._stage.exists():
            shutil.rmtree(self._stage, ignore_errors=True)


def leftover_containers(client: docker.DockerClient) -> list[str]:
    """Ids of session containers still present (tests assert there are none)."""
    found = client.api.containers(all=True, filters={"label": "judge.session"})
    return [str(summary["Id"]) for summary in found]

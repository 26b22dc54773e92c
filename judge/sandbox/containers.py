"""Locked-down containers, started before they are needed and used for one submission only.

A container starts in about 0.3 s and its harness' interpreter in another 0.1 s, most of a
small judgement. So a `Container` is created and started without its submission: its staging
folder (mounted read-only at /judge) holds the harness files, the harness is exec'd and waits
for its first line, and the submission's bytes are written into the folder just before that
line names them. `Spare` keeps one such container starting in the background, so that the
next session (the first of a judgement, or the next candidate's in a grading) finds it
running. A container serves exactly one session, then is killed; it is never reused.

Containers are created with `auto_remove`: ending one is a kill, and the engine removes it
by itself, so nobody waits for the removal.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docker
import docker.errors
from docker.types import LogConfig, Ulimit

from judge.core.verdict import Limits
from judge.sandbox.cgroup import CgroupFiles
from judge.sandbox.session import ENVIRONMENT, OPEN_FILES
from judge.sandbox.staging import SUBMISSION_NAME, make_stage

TMPFS_MIB = 16
PIDS_LIMIT = 64
OWNER_LABEL = "judge.owner"
"""host:pid of the judging process, so containers of a judge that died can be swept."""
SESSION_LABEL = "judge.session"
USER = "65534:65534"
"""The harness and the submission run as nobody; the container's own init stays root."""


_ENDING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-kill")
"""Kills of used containers, off the judgement's path (the report prints meanwhile). The
interpreter waits for them as it exits (concurrent.futures joins its threads then), so none
is left running; a judge killed outright leaves it to `sweep_orphans`."""


def finish_kills() -> None:
    """Wait until every container whose kill was asked so far is gone."""
    _ENDING.submit(lambda: None).result()  # one thread, in order: the kills before it are done


def owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class Container:
    """One started sandbox container and its staging folder, not yet given a submission."""

    def __init__(self, client: docker.DockerClient, image_id: str, memory_mib: int) -> None:
        self.client = client
        self.memory_mib = memory_mib
        self.stage = make_stage()
        self._handle: Any = None
        self._attached: Any = None
        self.harness: socket.socket | None = None
        """The harness' stdin and multiplexed stdout/stderr; the session owns it once taken."""
        try:
            self._handle = self._create(image_id, memory_mib)
            self._handle.start()
            self._handle.reload()
            self.init_pid: int = self._handle.attrs["State"]["Pid"]
            self.cgroup = CgroupFiles.for_pid(self.init_pid)
            self.exec_id = self._start_harness()
        except BaseException:
            self.kill()
            raise

    @property
    def id(self) -> str:
        return str(self._handle.id)

    def put_submission(self, source: bytes) -> str:
        """Write the submission where the harness will read it; its path inside."""
        path = self.stage / SUBMISSION_NAME
        path.write_bytes(source)
        path.chmod(0o644)
        return f"/judge/{SUBMISSION_NAME}"

    def _start_harness(self) -> str:
        """Exec the harness, attached: it waits for the line that names its submission."""
        api = self.client.api
        exec_id: str = api.exec_create(
            self.id,
            ["python3", "-I", "/judge/harness.py"],
            stdin=True,
            stdout=True,
            stderr=True,
            user=USER,
            environment=ENVIRONMENT,
            workdir="/tmp",
        )["Id"]
        self._attached = api.exec_start(exec_id, socket=True)
        self.harness = getattr(self._attached, "_sock", self._attached)
        self.harness.setblocking(True)
        return exec_id

    def exit_code(self) -> object:
        """The harness' exit code (None while it runs), or None if the engine cannot say."""
        try:
            return self.client.api.exec_inspect(self.exec_id).get("ExitCode")
        except docker.errors.DockerException:
            return None

    def detach(self) -> None:
        """Close our end of the harness' streams (an unread attach socket makes a kill
        hang). The HTTP response and its file wrapper hold references to the socket: they
        are closed in order, or the socket leaks until garbage collection. Idempotent."""
        if self.harness is not None:
            with contextlib.suppress(OSError):
                self.harness.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                self.harness.close()
            self.harness = None
        if self._attached is not None:
            response = getattr(self._attached, "_response", None)
            with contextlib.suppress(OSError, ValueError):
                if response is not None:
                    response.close()
                self._attached.close()
            self._attached = None

    def resize(self, memory_mib: int) -> None:
        """Give the (still unused) container another memory limit, swap included."""
        memory = f"{memory_mib}m"
        self._handle.update(mem_limit=memory, memswap_limit=memory)
        self.memory_mib = memory_mib

    def state(self) -> dict[str, Any] | None:
        """The engine's view of the container, or None once it is gone."""
        try:
            self._handle.reload()
        except docker.errors.DockerException:
            return None
        state: dict[str, Any] = self._handle.attrs["State"]
        return state

    def kill_soon(self) -> None:
        """`kill`, with the engine's part (some 40 ms) done in the background: our end of
        the harness' streams is closed now, so the harness is out of reach at once."""
        self.detach()
        _ENDING.submit(self.kill)

    def kill(self) -> None:
        """End it at once; the engine removes it (auto_remove). Idempotent."""
        self.detach()
        if self._handle is not None:
            handle, self._handle = self._handle, None
            with contextlib.suppress(docker.errors.NotFound, docker.errors.APIError):
                if handle.attrs.get("State", {}).get("Running", True):
                    handle.kill()
                else:  # created but never started: auto_remove does not apply
                    handle.remove(force=True)
        shutil.rmtree(self.stage, ignore_errors=True)

    def _create(self, image_id: str, memory_mib: int) -> Any:
        memory = f"{memory_mib}m"
        return self.client.containers.create(
            image_id,
            command=["sleep", "infinity"],
            init=True,
            auto_remove=True,
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
            volumes={str(self.stage): {"bind": "/judge", "mode": "ro"}},
            working_dir="/tmp",
            labels={SESSION_LABEL: "1", OWNER_LABEL: owner()},
            detach=True,
        )


class Spare:
    """At most one container starting in the background.

    A container depends on its limits through its memory alone, and a running one is
    resized in a few tens of milliseconds (a start takes ten times that): so a spare
    started for one problem serves the next, whatever its memory limit."""

    def __init__(self, client: docker.DockerClient, image_id: str) -> None:
        self.client, self.image_id = client, image_id
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-spare")
        self._next: Future[Container] | None = None

    def prepare(self, limits: Limits) -> None:
        """Start a container unless one is already on its way."""
        if self._next is None:
            self._next = self._starter.submit(
                Container, self.client, self.image_id, limits.memory_mib
            )

    def take(self, limits: Limits) -> Container:
        """The prepared container, resized to `limits` if need be; else a new one now."""
        pending, self._next = self._next, None
        container = None
        if pending is not None:
            try:
                container = pending.result()
            except docker.errors.DockerException:
                pass  # a failed spare is retried once, synchronously
            except BaseException:  # interrupted while it starts: it is killed once started
                _discard(pending)
                raise
        if container is not None and container.memory_mib != limits.memory_mib:
            try:
                container.resize(limits.memory_mib)
            except docker.errors.DockerException:  # an engine that cannot: start afresh
                container.kill()
                container = None
        return container or Container(self.client, self.image_id, limits.memory_mib)

    def discard(self) -> None:
        if self._next is not None:
            _discard(self._next)
            self._next = None

    def close(self) -> None:
        self.discard()
        self._starter.shutdown(wait=True)


def _discard(future: Future[Container]) -> None:
    """Kill a spare once it has started (or stop it from starting)."""
    if future.cancel():
        return
    with contextlib.suppress(Exception):
        future.result().kill()


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

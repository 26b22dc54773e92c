"""Locked-down containers, started before they are needed and used for one submission only.

A container starts in about 0.3 s, most of a small judgement. So a `Container` is created
and started without its submission: its staging folder (mounted read-only at /judge) holds
the harness files, and the submission's bytes are written into it just before the harness is
exec'd. `Spare` keeps one such container starting in the background, so that the next
session (the first of a judgement, or the next candidate's in a grading) finds it running.
A container serves exactly one session, then is killed; it is never reused.

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


def owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class Container:
    """One started sandbox container and its staging folder, not yet given a submission."""

    def __init__(self, client: docker.DockerClient, image_id: str, limits: Limits) -> None:
        self.client = client
        self.limits = limits
        self.stage = make_stage()
        self._handle: Any = None
        try:
            self._handle = self._create(image_id, limits)
            self._handle.start()
            self._handle.reload()
            self.init_pid: int = self._handle.attrs["State"]["Pid"]
            self.cgroup = CgroupFiles.for_pid(self.init_pid)
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

    def state(self) -> dict[str, Any] | None:
        """The engine's view of the container, or None once it is gone."""
        try:
            self._handle.reload()
        except docker.errors.DockerException:
            return None
        state: dict[str, Any] = self._handle.attrs["State"]
        return state

    def kill(self) -> None:
        """End it at once; the engine removes it (auto_remove). Idempotent."""
        if self._handle is not None:
            handle, self._handle = self._handle, None
            with contextlib.suppress(docker.errors.NotFound, docker.errors.APIError):
                if handle.attrs.get("State", {}).get("Running", True):
                    handle.kill()
                else:  # created but never started: auto_remove does not apply
                    handle.remove(force=True)
        shutil.rmtree(self.stage, ignore_errors=True)

    def _create(self, image_id: str, limits: Limits) -> Any:
        memory = f"{limits.memory_mib}m"
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
    """At most one container starting in the background for given limits."""

    def __init__(self, client: docker.DockerClient, image_id: str) -> None:
        self.client, self.image_id = client, image_id
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-spare")
        self._next: tuple[Limits, Future[Container]] | None = None

    def prepare(self, limits: Limits) -> None:
        """Start a container for `limits` unless one is already on its way."""
        if self._next is not None and self._next[0] == limits:
            return
        self.discard()
        self._next = (limits, self._starter.submit(Container, self.client, self.image_id, limits))

    def take(self, limits: Limits) -> Container:
        """The prepared container if it fits `limits` and started; else a new one now."""
        pending, self._next = self._next, None
        if pending is not None and pending[0] == limits:
            with contextlib.suppress(docker.errors.DockerException):
                return pending[1].result()  # a failed spare is retried once, synchronously
        elif pending is not None:
            _discard(pending[1])
        return Container(self.client, self.image_id, limits)

    def discard(self) -> None:
        if self._next is not None:
            _discard(self._next[1])
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

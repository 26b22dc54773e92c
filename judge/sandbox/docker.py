"""The Docker sandbox: one locked-down container per session, the harness run in it by exec.

Why exec and not the container's own command: the container's first process is a root-owned
`sleep` that the unprivileged submission cannot signal, so the container (and its cgroup)
outlives the harness. That lets the host read the cgroup's OOM-kill counter and the exec's
exit code *after* the harness died, instead of racing the engine's cleanup of a dead
container. An exec costs about 70 ms on top of the container's start, which `Spare`
(containers.py) moves off the critical path.
"""

from __future__ import annotations

import atexit
import os
import select
import time
from pathlib import Path
from typing import Any

import docker
import docker.errors

from judge.core.errors import SandboxUnavailable
from judge.core.verdict import Limits
from judge.sandbox.containers import Container, Spare, finish_kills, sweep_orphans
from judge.sandbox.image import find_image, image_tag
from judge.sandbox.session import (
    STDERR,
    STDOUT,
    HarnessSession,
    Outcome,
    SessionFailed,
    Usage,
    describe_exit,
)
from judge.sandbox.staging import read_submission

ENGINE_NOTICE_S = 0.3


def _unix_socket_missing() -> bool:
    """A quick answer for the common case of no local engine (and it spares the SDK, which
    leaks a socket when connecting to a missing one)."""
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    return host.startswith("unix://") and not Path(host.removeprefix("unix://")).exists()


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
    """Starts sessions in containers of the sandbox image, one container per session.

    With `keep_spare`, each session's start also starts the next container in the
    background (for callers that judge one submission after another: grading, `judge
    check`); `prepare` does it once. `close` kills a spare that was never used.
    """

    kind = "docker"

    def __init__(
        self,
        client: docker.DockerClient | None = None,
        tag: str | None = None,
        keep_spare: bool = False,
    ) -> None:
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
        self.keep_spare = keep_spare
        self._spare = Spare(self.client, self.image_id)
        # A caller that never closes (a library user, a judgement that stopped before its
        # first session) must not leave a started spare running after the process ends.
        atexit.register(self._spare.close)
        sweep_orphans(self.client)

    def image_is_current(self) -> bool:
        """Whether the tag still names the image this sandbox starts containers from (a
        sandbox kept open across an image rebuild would judge in the old image)."""
        image = find_image(self.client, self.tag)
        return image is not None and image.id == self.image_id

    def prepare(self, limits: Limits) -> None:
        """Start a container for the next session now, in the background."""
        self._spare.prepare(limits)

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> DockerSession:
        source = read_submission(submission)  # refused before any container is taken
        try:
            container = self._spare.take(limits)
        except docker.errors.DockerException as error:
            raise SessionFailed(f"could not start the sandbox container: {error}") from None
        try:
            if self.keep_spare:
                self._spare.prepare(limits)
            return DockerSession(self.client, container, source, entry, limits)
        except BaseException:  # interrupted halfway (a Ctrl-C): the container goes too
            container.kill_soon()  # the killer thread, where the session's own kill also goes
            raise

    def close(self) -> None:
        """Kill the spare, and wait for the kills of used containers: nothing this sandbox
        started runs once it is closed."""
        self._spare.close()
        finish_kills()


class DockerSession(HarnessSession):
    """A harness running in its own container (started with it, waiting for its load line)."""

    def __init__(
        self,
        client: docker.DockerClient,
        container: Container,
        source: bytes,
        entry: dict[str, Any],
        limits: Limits,
    ) -> None:
        super().__init__(limits)
        self.client = client
        self._container: Container | None = container
        self._sock = container.harness
        self._raw = bytearray()
        self._killed = False
        self._cgroup = container.cgroup
        self._init_pid = container.init_pid
        try:
            self._load(container.put_submission(source), entry)
        except BaseException:
            self._kill()
            raise

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
        if self._container is None:
            return "the sandbox ended"
        code = self._container.exit_code()
        return "the sandbox ended" if code is None else describe_exit(code)

    def _memory_killed(self) -> bool:
        """Whether the engine saw an OOM kill in the container, once the cgroup's own
        counter may be gone with the container."""
        state = self._container.state() if self._container is not None else None
        return bool(state and state.get("OOMKilled"))

    def _engine_lost(self) -> bool:
        """Whether the container itself died. Its first process is a root `sleep` the
        submission cannot signal, so a dead container means someone outside killed it. The
        engine notices a kill a few milliseconds after the harness' stream ends: poll briefly."""
        if self._killed or self._container is None:
            return False
        deadline = time.monotonic() + ENGINE_NOTICE_S
        while True:
            if not Path(f"/proc/{self._init_pid}").exists():
                return True
            state = self._container.state()
            if state is None or not state.get("Running"):
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)

    def _kill(self) -> None:
        """Close our end of the harness' streams, then end the container (`Container.kill`)."""
        self._killed = True
        self._sock = None
        if self._cgroup is not None:
            self._cgroup.close()
        if self._container is not None:
            container, self._container = self._container, None
            container.kill_soon()

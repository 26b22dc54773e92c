"""Sandboxes that run a submission's harness: Docker (the real one) and a process fallback.

A sandbox has a `kind`, an `image_id` (or None) and `start(submission, entry, limits)`,
which returns a live `HarnessSession` (see `session.py` for the rules every session keeps).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from judge.core.errors import SandboxUnavailable
from judge.core.verdict import Limits, SandboxInfo
from judge.sandbox.session import HarnessSession

if TYPE_CHECKING:
    from judge.sandbox.docker import DockerSandbox


class Sandbox(Protocol):
    @property
    def kind(self) -> str:
        """ "docker" or "process"."""

    @property
    def image_id(self) -> str | None:
        """The image sessions run in, for reports and calibration caches (None: no image)."""

    def prepare(self, limits: Limits) -> None:
        """Get ready for a session with these limits in the background (a no-op where
        starting is cheap); the next `start` may use what this started."""

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> HarnessSession:
        """Start a harness for the submission; raise SessionFailed if the sandbox cannot,
        SubmissionRefused if the submission file is not one the judge will read."""

    def close(self) -> None:
        """Release what `prepare` started and no session used."""


class SandboxChoice(str, enum.Enum):
    """What the user asked for with `--sandbox`."""

    AUTO = "auto"
    """Docker when the engine and image are there, else the process fallback with a notice."""
    DOCKER = "docker"
    """Docker or a clear error: never falls back."""
    PROCESS = "process"
    """The process fallback, chosen knowingly."""


@dataclass(frozen=True)
class OpenedSandbox:
    sandbox: Sandbox
    info: SandboxInfo

    def close(self) -> None:
        self.sandbox.close()

    def __enter__(self) -> OpenedSandbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


LIKELY_MEMORY_MIB = 256
"""The memory limit 40 of the 50 problems ask. A container started before its problem is
known gets it; another limit then costs a resize (tens of milliseconds), not a new start."""


def get_ready(sandbox: Sandbox) -> None:
    """Start the first container before the problem (and so its limits) is known: its start
    then overlaps the problem's loading (a no-op where starting is cheap)."""
    sandbox.prepare(Limits(time_s=1.0, memory_mib=LIKELY_MEMORY_MIB))


_HELD: list[DockerSandbox] = []


def hold(sandbox: DockerSandbox) -> None:
    """Keep a Docker sandbox opened ahead of time (its container already started) for this
    process' next `open_sandbox` that may use Docker. The daemon's ready process does this
    for the command it runs (see `judge.daemon`); the command closes it as its own."""
    release_held()
    _HELD.append(sandbox)


def release_held() -> None:
    """Close a held sandbox that no `open_sandbox` took (its started container is killed)."""
    while _HELD:
        _HELD.pop().close()


def open_sandbox(choice: SandboxChoice, *, keep_spare: bool = False) -> OpenedSandbox:
    """The sandbox for a choice; SandboxUnavailable (with what to run) when it cannot be had.

    `keep_spare`: the caller judges one submission after another, so each session's start
    also starts the next one's container (see `DockerSandbox`)."""
    from judge.sandbox.process import NOTICE, NOTICE_FALLBACK, ProcessSandbox

    if choice is SandboxChoice.PROCESS:
        return OpenedSandbox(ProcessSandbox(), SandboxInfo(kind="process", notice=NOTICE))
    from judge.sandbox.docker import DockerSandbox

    if _HELD:
        held = _HELD.pop()
        held.keep_spare = keep_spare
        return OpenedSandbox(held, SandboxInfo(kind="docker", image_id=held.image_id))
    try:
        docker_sandbox = DockerSandbox(keep_spare=keep_spare)
    except SandboxUnavailable as error:
        if choice is SandboxChoice.DOCKER:
            raise
        notice = f"{NOTICE_FALLBACK} because {error}"
        return OpenedSandbox(ProcessSandbox(), SandboxInfo(kind="process", notice=notice))
    info = SandboxInfo(kind="docker", image_id=docker_sandbox.image_id)
    return OpenedSandbox(docker_sandbox, info)

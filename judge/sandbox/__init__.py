"""Sandboxes that run a submission's harness: Docker (the real one) and a process fallback.

A sandbox has a `kind`, an `image_id` (or None) and `start(submission, entry, limits)`,
which returns a live `HarnessSession` (see `session.py` for the rules every session keeps).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from judge.core.errors import SandboxUnavailable
from judge.core.verdict import Limits, SandboxInfo
from judge.sandbox.session import HarnessSession


class Sandbox(Protocol):
    @property
    def kind(self) -> str:
        """ "docker" or "process"."""

    @property
    def image_id(self) -> str | None:
        """The image sessions run in, for reports and calibration caches (None: no image)."""

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> HarnessSession:
        """Start a harness for the submission; raise SessionFailed if the sandbox cannot."""


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


def open_sandbox(choice: SandboxChoice) -> OpenedSandbox:
    """The sandbox for a choice; SandboxUnavailable (with what to run) when it cannot be had."""
    from judge.sandbox.process import NOTICE, NOTICE_FALLBACK, ProcessSandbox

    if choice is SandboxChoice.PROCESS:
        return OpenedSandbox(ProcessSandbox(), SandboxInfo(kind="process", notice=NOTICE))
    from judge.sandbox.docker import DockerSandbox

    try:
        docker_sandbox = DockerSandbox()
    except SandboxUnavailable as error:
        if choice is SandboxChoice.DOCKER:
            raise
        notice = f"{NOTICE_FALLBACK} because {error}"
        return OpenedSandbox(ProcessSandbox(), SandboxInfo(kind="process", notice=notice))
    info = SandboxInfo(kind="docker", image_id=docker_sandbox.image_id)
    return OpenedSandbox(docker_sandbox, info)

"""One exception tree for the package, and the exit codes every command keeps.

    JudgeError                      (3 INTERNAL: the judge's own fault)
     ├── UsageError                 (2 USAGE: bad arguments or files given by the user)
     │    └── ProblemError          (2 USAGE: a broken problem package, names the file and field)
     └── SandboxUnavailable         (2 USAGE: Docker engine or sandbox image missing; says what to run)

A broken *submission* is never an exception here: it is a verdict (CE, RE, ...). Any other
exception that reaches a command is a bug in the judge, and exits with INTERNAL too.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """The process status of every `judge` command (like pytest's `ExitCode`)."""

    OK = 0
    """Accepted, or the command did what was asked."""
    NOT_ACCEPTED = 1
    """A submission was not accepted, a check failed, a candidate did not pass."""
    USAGE = 2
    """Bad arguments or files, a broken problem package, or no sandbox to judge in."""
    INTERNAL = 3
    """The judge's own fault: never blamed on a submission."""


class JudgeError(Exception):
    """Something the judge cannot do; `exit_code` is what the CLI exits with."""

    exit_code = ExitCode.INTERNAL


class UsageError(JudgeError):
    """The user asked for something that cannot be done as asked."""

    exit_code = ExitCode.USAGE


class ProblemError(UsageError):
    """A problem package is malformed; the message names the file and the field."""

    def __init__(self, path: object, message: str, field: str | None = None) -> None:
        where = f"{path}" + (f": field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.field = field


class SandboxUnavailable(JudgeError):
    """The requested sandbox cannot run here; the message says how to fix it."""

    exit_code = ExitCode.USAGE

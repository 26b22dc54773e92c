"""One exception tree for the package; every error carries the exit code the CLI uses.

    JudgeError                      (3: the judge's own fault)
     ├── UsageError                 (2: bad arguments or files given by the user)
     │    └── ProblemError          (2: a broken problem package, names the file and field)
     └── SandboxUnavailable         (2: Docker engine or sandbox image missing; says what to run)

A broken *submission* is never an exception here: it is a verdict (CE, RE, ...).
"""

from __future__ import annotations


class JudgeError(Exception):
    """Something the judge cannot do; `exit_code` is what the CLI exits with."""

    exit_code = 3


class UsageError(JudgeError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2


class ProblemError(UsageError):
    """A problem package is malformed; the message names the file and the field."""

    def __init__(self, path: object, message: str, field: str | None = None) -> None:
        where = f"{path}" + (f": field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.field = field


class SandboxUnavailable(JudgeError):
    """The requested sandbox cannot run here; the message says how to fix it."""

    exit_code = 2

"""Where the daemon listens: a socket in a folder only its user may enter.

One daemon per user and installation: the socket's name is derived from the environment's
prefix (a virtual environment's folder) and the package's folder, so that two environments
never share a daemon (one would run the other's code and libraries).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SOCKET_ENV = "JUDGE_DAEMON_SOCKET"
"""A socket path to use instead of the default (its folder is then the user's choice)."""
OFF_ENV = "JUDGE_NO_DAEMON"
"""Set (to anything but empty): commands never use a daemon, even a running one."""
PACKAGE = Path(__file__).resolve().parent.parent


class UnsafeFolder(Exception):
    """The daemon's folder could be entered by another user: no socket is made or used."""


@dataclass(frozen=True)
class Address:
    socket: Path

    @property
    def pid_file(self) -> Path:
        return self.socket.with_suffix(".pid")

    @property
    def log_file(self) -> Path:
        """The daemon's own stderr: its tracebacks, never a command's output."""
        return self.socket.with_suffix(".log")


def address() -> Address:
    """This installation's daemon address; UnsafeFolder if its folder is not private."""
    explicit = os.environ.get(SOCKET_ENV)
    if explicit:
        return Address(Path(explicit).absolute())
    key = hashlib.sha256(f"{sys.prefix}\0{PACKAGE}".encode()).hexdigest()[:12]
    return Address(private_folder() / f"daemon-{key}.sock")


def private_folder() -> Path:
    """$XDG_RUNTIME_DIR/judge, else judge-UID in the temporary folder: made 0700, and
    refused if it exists as anything but a folder of this user that only they may enter
    (in a shared /tmp, another user could have made it first, to listen in their place)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = (
        Path(runtime) / "judge" if runtime else Path(tempfile.gettempdir()) / f"judge-{os.getuid()}"
    )
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise UnsafeFolder(f"{folder} is not a folder that only this user may enter")
    return folder

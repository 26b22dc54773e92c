"""What a client and the daemon say: one JSON object per line over the Unix socket.

    client → daemon   {"op": "run", "version", "argv", "cwd", "env", "umask", "streams"}
                      sent with the client's stdin, stdout and stderr (SCM_RIGHTS)
                      {"op": "status"}
                      {"op": "signal", "number": n}   (while its command runs)
    daemon → client   {"started": true} or {"declined": why}, then {"exit": code}
                      a status: see `Status`

Both ends are the same user (the socket's folder is private, and the daemon checks the
peer's credentials), but a message is still checked field by field: a wrong one is a
`ProtocolError` naming the field, never a crash of the daemon.
"""

from __future__ import annotations

import json
import os
import signal
import socket
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

MAX_LINE_BYTES = 1 << 20
"""A request carries an environment and argv: far less than this."""
MAX_FDS = 3
FORWARDED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
"""What a client passes on to its command's process: Ctrl-C, and being told to end."""


class ProtocolError(Exception):
    """A message that is not what the protocol says (the text names the field)."""


class Channel:
    """One connection: JSON lines both ways; descriptors sent along are collected."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.fds: list[int] = []
        self._buffer = bytearray()

    def send(self, message: dict[str, Any], fds: Sequence[int] = ()) -> None:
        data = (json.dumps(message) + "\n").encode()
        sent = socket.send_fds(self.sock, [data], list(fds)) if fds else 0
        self.sock.sendall(data[sent:])

    def receive(self) -> dict[str, Any] | None:
        """The next message, or None when the other end closed between messages."""
        while (end := self._buffer.find(b"\n")) < 0:
            if len(self._buffer) > MAX_LINE_BYTES:
                raise ProtocolError(f"a line longer than {MAX_LINE_BYTES} bytes")
            data, fds, _, _ = socket.recv_fds(self.sock, 1 << 16, MAX_FDS)
            self.fds += fds
            if not data:
                if self._buffer:
                    raise ProtocolError("the connection ended within a line")
                return None
            self._buffer += data
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        try:
            message = json.loads(line)
        except ValueError:
            raise ProtocolError("a line that is not JSON") from None
        if not isinstance(message, dict):
            raise ProtocolError("a message that is not an object")
        return message

    def close_fds(self) -> None:
        for fd in self.fds:
            os.close(fd)
        self.fds = []


def _text(message: dict[str, Any], name: str) -> str:
    value = message.get(name)
    if not isinstance(value, str):
        raise ProtocolError(f"{name!r} must be a string")
    return value


def _texts(value: object, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ProtocolError(f"{name!r} must be a list of strings")
    return tuple(value)


@dataclass(frozen=True)
class RunRequest:
    """A command for the daemon to run as the client would have, in the client's place."""

    version: str
    argv: tuple[str, ...]
    cwd: str
    env: dict[str, str]
    umask: int
    streams: tuple[tuple[str, str], ...]
    """(encoding, errors) of stdin, stdout and stderr, as the client's interpreter set them."""

    def to_message(self) -> dict[str, Any]:
        return {"op": "run", **asdict(self)}

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> RunRequest:
        env = message.get("env")
        if not isinstance(env, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in env.items()
        ):
            raise ProtocolError("'env' must map strings to strings")
        umask = message.get("umask")
        if not isinstance(umask, int) or isinstance(umask, bool) or not 0 <= umask <= 0o777:
            raise ProtocolError("'umask' must be an integer from 0 to 0o777")
        streams = message.get("streams")
        if not isinstance(streams, list) or len(streams) != 3:
            raise ProtocolError("'streams' must list stdin, stdout and stderr")
        return cls(
            version=_text(message, "version"),
            argv=_texts(message.get("argv"), "argv"),
            cwd=_text(message, "cwd"),
            env=env,
            umask=umask,
            streams=tuple(_pair(stream) for stream in streams),
        )


def _pair(stream: object) -> tuple[str, str]:
    texts = _texts(stream, "streams")
    if len(texts) != 2:
        raise ProtocolError("each of 'streams' must be [encoding, errors]")
    return texts[0], texts[1]


@dataclass(frozen=True)
class Status:
    """What `judge daemon status` shows."""

    pid: int
    version: str
    since: float
    """When the daemon started (seconds since the epoch)."""
    served: int
    """Commands it has run."""
    sandbox: str
    """What the ready process holds: "docker" (a container started) or why nothing."""

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> Status:
        pid, since, served = message.get("pid"), message.get("since"), message.get("served")
        if not isinstance(pid, int) or not isinstance(served, int):
            raise ProtocolError("'pid' and 'served' must be integers")
        if not isinstance(since, (int, float)):
            raise ProtocolError("'since' must be a number")
        return cls(
            pid=pid,
            version=_text(message, "version"),
            since=float(since),
            served=served,
            sandbox=_text(message, "sandbox"),
        )

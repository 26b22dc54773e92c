"""The console script's side: hand a command to a running daemon, or say there is none.

Imports nothing of the judge's heavy parts: when no daemon answers, the command runs in this
process as usual and has lost about a millisecond.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from judge import __version__
from judge.daemon.address import OFF_ENV, Address, UnsafeFolder, address
from judge.daemon.messages import FORWARDED_SIGNALS, Channel, ProtocolError, RunRequest, Status

FORWARDED = frozenset({"run", "check", "grade", "practice", "stats", "list", "show"})
"""Commands a daemon runs: those that judge or read the catalogue. Not `daemon` itself,
`serve` (a server of its own) or `sandbox` (it builds the image the daemon's container
runs)."""
LOST = 3
"""The exit code when the daemon's process ended without saying its own: the judge's fault."""


def forward(argv: Sequence[str]) -> int | None:
    """Run `judge ARGV` in the daemon: its exit code, once it ended. None when no daemon
    took it (none runs, it is out of date, or the command is not one it runs): run it here."""
    if os.environ.get(OFF_ENV) or _command(argv) not in FORWARDED:
        return None
    try:
        sock = _connect(address().socket)
    except (OSError, UnsafeFolder):
        return None
    with sock:
        channel = Channel(sock)
        # Caught from before the request goes: a Ctrl-C at any moment reaches the command
        # (the daemon reads it after the request), never this process as a traceback. One
        # that comes while the request is being written waits (blocked) until it is whole.
        relayed: list[int] = []

        def relay(number: int, frame: FrameType | None) -> None:
            del frame
            relayed.append(number)
            with contextlib.suppress(OSError):
                channel.send({"op": "signal", "number": number})

        previous = {number: signal.signal(number, relay) for number in FORWARDED_SIGNALS}
        try:
            try:
                signal.pthread_sigmask(signal.SIG_BLOCK, FORWARDED_SIGNALS)
                try:
                    channel.send(run_request(argv).to_message(), fds=(0, 1, 2))
                finally:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, FORWARDED_SIGNALS)
                answer = channel.receive()
            except (OSError, ProtocolError, ValueError):
                answer = None
            if not answer or answer.get("started") is not True:
                # Declined, so nothing has run: run it here, unless the user has already
                # asked to stop (the shell's code for that signal, as if it had ended us).
                return 128 + relayed[0] if relayed else None
            try:
                answer = channel.receive()
            except (OSError, ProtocolError):
                answer = None
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
    code = answer.get("exit") if answer else None
    if isinstance(code, int) and not isinstance(code, bool):
        return code
    print(
        f"internal error: the judge daemon's process for this command ended without an exit "
        f"code; see {_log_hint()}, or run it without the daemon ({OFF_ENV}=1)",
        file=sys.stderr,
    )
    return LOST


def status(where: Address) -> Status | None:
    """The daemon's status, or None when none answers at `where`."""
    try:
        with _connect(where.socket) as sock:
            channel = Channel(sock)
            channel.send({"op": "status"})
            answer = channel.receive()
            return Status.from_message(answer) if answer else None
    except (OSError, ProtocolError):
        return None


def _command(argv: Sequence[str]) -> str | None:
    """The command's name, when what precedes it is only `--debug`."""
    for argument in argv:
        if argument != "--debug":
            return None if argument.startswith("-") else argument
    return None


def _connect(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except BaseException:
        sock.close()
        raise
    return sock


def run_request(argv: Sequence[str]) -> RunRequest:
    """The request for `judge ARGV` as this process would run it: its folder, environment,
    umask and stream encodings."""
    umask = os.umask(0o022)
    os.umask(umask)
    return RunRequest(
        version=__version__,
        argv=tuple(argv),
        cwd=os.getcwd(),
        env=dict(os.environ),
        umask=umask,
        streams=tuple(
            (stream.encoding, stream.errors or "strict") if stream else ("utf-8", "strict")
            for stream in (sys.stdin, sys.stdout, sys.stderr)
        ),
    )


def _log_hint() -> str:
    try:
        return str(address().log_file)
    except (OSError, UnsafeFolder):
        return "the daemon's log"

"""`judge daemon start|stop|status`: a warm judge for the commands that follow."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import click
from rich.console import Console
from rich.text import Text

from judge.cli.common import json_option
from judge.core.errors import ExitCode, SandboxUnavailable, UsageError
from judge.core.text import printable
from judge.daemon.address import Address, UnsafeFolder, address

START_WAIT_S = 60.0
"""How long `start` waits for the daemon to answer (it imports the judge, starts a container)."""
STOP_WAIT_S = 10.0


@click.group(short_help="Keep a warm judge for the commands that follow.")
def daemon() -> None:
    """A background judge that has imported everything and keeps a container started, so
    that each `judge run` (and check, grade, practice, list, show, stats) starts warm.

    Each command still runs in a process of its own, with its own container, exactly as
    without the daemon; set JUDGE_NO_DAEMON=1 to bypass a running one. The daemon ends after
    --idle minutes without a command, on `judge daemon stop`, or when the judge is upgraded.
    """


@daemon.command(short_help="Start the daemon in the background.")
@click.option(
    "--idle",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Minutes without a command before the daemon ends.",
)
def start(idle: float) -> None:
    """Start the daemon (nothing happens if it already runs)."""
    from judge.daemon.client import status

    where = _address()
    console = Console()
    running = status(where)
    if running is not None:
        console.print(Text(f"the judge daemon already runs (pid {running.pid})"))
        return
    with open(where.log_file, "w", encoding="utf-8") as log:  # its own messages, kept for bugs
        os.chmod(where.log_file, 0o600)
        process = subprocess.Popen(
            [sys.executable, "-m", "judge.daemon", "--idle", str(idle * 60)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
    deadline = time.monotonic() + START_WAIT_S
    while (running := status(where)) is None:
        if process.poll() is not None or time.monotonic() > deadline:
            if process.poll() is None:
                process.terminate()
            tail = where.log_file.read_text(errors="replace").strip().splitlines()[-1:]
            raise SandboxUnavailable(
                "the judge daemon did not start"
                + (f": {printable(tail[0])}" if tail else "")
                + f" (its log: {where.log_file})"
            )
        time.sleep(0.05)
    console.print(
        Text(
            f"the judge daemon runs (pid {running.pid}, sandbox: {printable(running.sandbox)}); "
            f"it ends after {idle:g} min without a command, or with `judge daemon stop`"
        )
    )


@daemon.command(short_help="Stop the daemon.")
def stop() -> None:
    """Stop the daemon; commands it is running finish first, in their own processes."""
    from judge.daemon.client import status

    where = _address()
    running = status(where)
    if running is None:
        Console().print(Text("no judge daemon runs"))
        return
    os.kill(running.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_WAIT_S
    while where.pid_file.exists() and time.monotonic() < deadline:  # removed last
        time.sleep(0.05)
    Console().print(Text(f"the judge daemon (pid {running.pid}) stopped"))


@daemon.command(name="status", short_help="Whether the daemon runs, and what it holds.")
@json_option
def show_status(as_json: bool) -> None:
    """Say whether the daemon runs: exit 0 if it does, 1 if not."""
    import json

    from judge.daemon.client import status

    where = _address()
    running = status(where)
    if as_json:
        click.echo(json.dumps(None if running is None else vars(running)))
    elif running is None:
        Console().print(Text("no judge daemon runs"))
    else:
        minutes = (time.time() - running.since) / 60
        Console().print(
            Text(
                f"the judge daemon runs: pid {running.pid}, version {running.version}, up "
                f"{minutes:.0f} min, {running.served} command(s) run, sandbox: "
                f"{printable(running.sandbox)}"
            )
        )
    sys.exit(ExitCode.OK if running is not None else ExitCode.NOT_ACCEPTED)


def _address() -> Address:
    """This installation's daemon address, or a usage error when its folder is not private."""
    try:
        return address()
    except UnsafeFolder as error:
        raise UsageError(str(error)) from None

"""`python -m judge.daemon [--idle SECONDS]`: the daemon in the foreground (`judge daemon
start` runs this in the background, with its output in the daemon's log)."""

from __future__ import annotations

import argparse
import sys

from judge.daemon.address import UnsafeFolder, address
from judge.daemon.server import IDLE_S, AlreadyRunning, serve


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m judge.daemon")
    parser.add_argument(
        "--idle", type=float, default=IDLE_S, help="end after this many seconds without a command"
    )
    arguments = parser.parse_args()
    try:
        command = serve(address(), arguments.idle)
    except (AlreadyRunning, UnsafeFolder) as error:
        print(f"judge daemon: {error}", file=sys.stderr)
        return 1
    # In the parent, the daemon has ended; in a forked child, run its command and exit here,
    # at the top, so that the interpreter ends as a fresh one would.
    return command.run() if command is not None else 0


if __name__ == "__main__":
    sys.exit(main())

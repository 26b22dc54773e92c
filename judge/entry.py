"""The `judge` console script: a running daemon takes the command (see `judge.daemon`),
else it runs in this process."""

from __future__ import annotations

import sys


def main() -> None:
    from judge.daemon.client import forward

    code = forward(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from judge.cli import main as cli

    cli()

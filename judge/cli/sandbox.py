"""`judge sandbox build` and `judge sandbox doctor`: the Docker image and its proof."""

from __future__ import annotations

import sys

import click

from judge.cli.common import err_console
from judge.core.errors import ExitCode
from judge.core.text import printable


def _log(line: str) -> None:
    from rich.text import Text

    err_console.print(Text(printable(line), style="dim"))


@click.group(short_help="Build and check the Docker sandbox.")
def sandbox() -> None:
    """Build and check the Docker sandbox image (see docs/sandbox.md)."""


@sandbox.command(short_help="Build the sandbox image.")
@click.option(
    "--offline", is_flag=True, help="Build from Debian packages with debootstrap (no registry)."
)
def build(offline: bool) -> None:
    """Build the sandbox image judge-sandbox:<version> (Python 3 + numpy)."""
    from judge.sandbox.docker import connect
    from judge.sandbox.image import build_image

    built = build_image(connect(), offline=offline, log=_log)
    click.echo(f"built {built.tag} ({built.image_id[:19]}) by {built.method}")


@sandbox.command(short_help="Check the engine, the image and the limits.")
def doctor() -> None:
    """Check the engine, the image, and that the limits are really enforced."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from judge.sandbox.doctor import diagnose

    findings = diagnose(progress=_log)
    table = Table(show_edge=False)
    for column in ("check", "", "detail"):
        table.add_column(column)
    for finding in findings:
        table.add_row(
            Text(finding.check),
            Text("ok" if finding.ok else "FAIL", style="green" if finding.ok else "red"),
            Text(printable(finding.detail)),
        )
    Console().print(table)
    sys.exit(ExitCode.OK if all(finding.ok for finding in findings) else ExitCode.NOT_ACCEPTED)

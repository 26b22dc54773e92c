"""`judge serve`: the practice app on 127.0.0.1, opened in the browser."""

from __future__ import annotations

import socket
import threading
import webbrowser
from pathlib import Path

import click

from judge.cli.common import (
    db_option,
    err_console,
    problems_option,
    report_skipped,
    sandbox_option,
)
from judge.core.errors import UsageError

DEFAULT_PORT = 8765


@click.command(short_help="The practice app in the browser (problems, editor, sets, progress).")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free one).",
)
@click.option("--no-browser", is_flag=True, help="Print the URL without opening a browser.")
@sandbox_option
@problems_option
@db_option
def serve(
    port: int, no_browser: bool, sandbox: str, problems_dir: Path | None, db_path: Path | None
) -> None:
    """Serve the practice app on http://127.0.0.1:PORT and open it in the browser.

    The first line printed is the URL to open: it carries a one-time access token (traded
    for a cookie), so only this user's browser can use the app. Only 127.0.0.1 is bound.
    The practice history is the CLI's: a set started here shows in `judge practice status`.
    Ctrl-C stops the server (and any judgement under way).
    """
    import uvicorn

    from judge.core.catalog import all_problems, problems_folder
    from judge.practice.clock import SystemClock
    from judge.sandbox import SandboxChoice, open_sandbox
    from judge.web.app import create_app
    from judge.web.security import Secrets
    from judge.web.service import Service

    folder = problems_folder(problems_dir)
    problems = all_problems(folder, on_error=report_skipped)
    listening = _listen(port)
    bound = listening.getsockname()[1]
    opened = open_sandbox(SandboxChoice(sandbox), keep_spare=True)
    click.get_current_context().call_on_close(opened.close)
    if opened.info.notice:
        err_console.print(opened.info.notice, style="yellow")
    keys = Secrets()
    service = Service(problems, folder, opened, db_path, SystemClock())
    app = create_app(service, bound, keys)
    url = f"http://127.0.0.1:{bound}/?token={keys.token}"
    click.echo(url)  # the first line: scripts and tests read it
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    )
    if not no_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    server.run(sockets=[listening])


def _listen(port: int) -> socket.socket:
    """A socket bound to 127.0.0.1 only: the app is never reachable from another machine."""
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind(("127.0.0.1", port))
    except OSError as error:
        listening.close()
        raise UsageError(f"cannot listen on 127.0.0.1:{port}: {error.strerror}") from None
    listening.listen(64)
    return listening

"""`judge sandbox doctor`: is the engine there, is the image there, are the limits enforced?

The limits are not taken on trust from the configuration: a tiny memory hog must be killed
by the kernel, and a fork loop must hit the pids limit, inside a real session.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judge.core.errors import SandboxUnavailable
from judge.core.verdict import Limits
from judge.sandbox.inside.wire import Op

PROBE = """
import os

def probe(what):
    if what == "memory":
        hog = bytearray(512 * 1024 * 1024)
        return len(hog)
    if what == "pids":
        children = 0
        try:
            for _ in range(1000):
                if os.fork() == 0:
                    import time
                    time.sleep(30)
                    os._exit(0)
                children += 1
        except OSError:
            pass
        return children
    if what == "network":
        import socket
        try:
            socket.create_connection(("1.1.1.1", 53), timeout=1)
            return "connected"
        except OSError as error:
            return type(error).__name__
    if what == "user":
        return os.getuid()
"""


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    detail: str


def diagnose(progress: Callable[[str], None] = lambda message: None) -> list[Finding]:
    """Run every check that can run; a failed prerequisite stops the ones after it."""
    from judge.sandbox.docker import DockerSandbox, connect
    from judge.sandbox.image import find_image, image_tag
    from judge.sandbox.session import Outcome

    findings = []
    try:
        client = connect()
        version = client.version().get("Version", "?")
        findings.append(Finding("engine", True, f"Docker {version} answers"))
    except SandboxUnavailable as error:
        return [Finding("engine", False, str(error))]
    image = find_image(client, image_tag())
    if image is None:
        findings.append(
            Finding(
                "image",
                False,
                f"{image_tag()} is missing: run `judge sandbox build` (or --offline)",
            )
        )
        return findings
    findings.append(Finding("image", True, f"{image_tag()} ({image.short_id})"))
    sandbox = DockerSandbox(client)
    limits = Limits(time_s=10.0, memory_mib=64)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.py"
        path.write_text(PROBE)
        entry = {"kind": "function", "name": "probe", "arity": 1}
        for what, expectation in (
            ("memory", "killed by the kernel at 64 MiB"),
            ("pids", "fork loop stopped by the pids limit"),
            ("network", "no network"),
            ("user", "unprivileged uid"),
        ):
            progress(f"probing {what}")
            session = sandbox.start(path, entry, limits)
            try:
                session.hello(10)
                exchange = session.request({"op": Op.CALL, "args": [what]}, 10)
            finally:
                session.close()
            value = exchange.reply.get("value") if exchange.reply else None
            ok = {
                "memory": exchange.outcome is Outcome.MEMORY,
                "pids": isinstance(value, int) and value < 100,
                "network": isinstance(value, str) and value != "connected",
                "user": isinstance(value, int) and value != 0,
            }[what]
            seen = exchange.outcome.value if exchange.reply is None else repr(value)
            findings.append(
                Finding(
                    f"limit: {what}", ok, f"{expectation}: {'yes' if ok else 'NO'} (saw {seen})"
                )
            )
    return findings

"""Build and find the sandbox image that submissions run in.

Two build paths give the same contract: `python3` on PATH=/usr/local/bin:/usr/bin:/bin, numpy
importable, WORKDIR /tmp, tagged ``judge-sandbox:<judge version>``.

* ``dockerfile`` (the normal path): the engine builds the ``Dockerfile`` next to this module,
  ``python:3.12-slim`` plus numpy from PyPI (python3 is /usr/local/bin/python3, Python 3.12).
  It needs a container registry (Docker Hub) and PyPI.
* ``offline``: for hosts that reach neither, such as sealed CI runners and air-gapped labs, but do
  reach a Debian apt mirror. It debootstraps a minimal bookworm root filesystem with python3,
  python3-numpy and OpenBLAS (python3 is /usr/bin/python3, Python 3.11), prunes it and imports
  it as an image. It needs root and ``debootstrap``.

``python -m judge.sandbox.image [--offline | --auto]`` builds the image without the CLI.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import docker
import docker.errors
import docker.utils
from docker.models.images import Image

from judge import __version__
from judge.core.errors import SandboxUnavailable

IMAGE_REPOSITORY = "judge-sandbox"
DOCKERFILE = Path(__file__).with_name("Dockerfile")
# Longest silence tolerated from the engine while building (pip downloading numpy says nothing).
BUILD_READ_TIMEOUT = 600
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")  # the classic builder colours RUN's stderr

SUITE = "bookworm"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
APT_SOURCES = (Path("/etc/apt/sources.list.d/debian.sources"), Path("/etc/apt/sources.list"))
OFFLINE_PACKAGES = ("python3-minimal", "python3", "python3-numpy", "libopenblas0-pthread")
"""OpenBLAS, as the Dockerfile's numpy wheel bundles: without it Debian's numpy falls back to
the reference BLAS, whose matrix products are 10-20 times slower (attention, LoRA). The
sandbox's environment holds it to one thread."""
OFFLINE_CHANGES = ("ENV PATH=/usr/local/bin:/usr/bin:/bin", "ENV LANG=C.UTF-8", "WORKDIR /tmp")
# Pruned from the offline rootfs: nothing here is read by python3 or numpy, and apt/dpkg still work
# (apt lists come back with `apt-get update`). Device nodes are provided by the engine at run time.
PRUNE_GLOBS = (
    "var/lib/apt/lists/*",
    "var/cache/apt/*.bin",
    "var/cache/apt/archives/*.deb",
    "var/cache/debconf/*-old",
    "var/log/*.log",
    "var/log/apt/*",
    "usr/share/doc/*",
    "usr/share/man/*",
    "usr/share/info/*",
    "usr/share/locale/*",
    "usr/share/lintian/*",
    "dev/*",
)

OFFLINE_HINT = "try the online build (`judge sandbox build`) where a registry is reachable"
ONLINE_HINT = (
    "if no registry is reachable from here, build from a Debian mirror instead: "
    "`judge sandbox build --offline` (needs root and debootstrap)"
)

Log = Callable[[str], None]


@dataclass(frozen=True)
class BuiltImage:
    tag: str
    image_id: str
    method: str  # "dockerfile" | "offline"


def image_tag() -> str:
    """The tag of the sandbox image that this version of the judge runs."""
    return f"{IMAGE_REPOSITORY}:{__version__}"


def find_image(client: docker.DockerClient, tag: str | None = None) -> Image | None:
    """The sandbox image `tag` (default: `image_tag()`), or None when the engine lacks it."""
    with _step("looking for the sandbox image", "is the Docker engine running?"):
        try:
            return client.images.get(tag or image_tag())
        except docker.errors.ImageNotFound:
            return None


def build_image(
    client: docker.DockerClient,
    *,
    offline: bool,
    tag: str | None = None,
    log: Log = lambda line: None,
    mirror: str | None = None,
) -> BuiltImage:
    """Build the sandbox image and tag it `tag` (default: `image_tag()`).

    Online: the Dockerfile through the engine. Offline: debootstrap from `mirror` (default:
    `debian_mirror()`). Output lines go to `log`. Raises SandboxUnavailable naming the failed step.
    """
    tag = tag or image_tag()
    if offline:
        _build_offline(client, tag, log, mirror)
    else:
        _build_dockerfile(client, tag, log)
    with _step("reading the built image", "is the Docker engine running?"):
        image = client.images.get(tag)
    return BuiltImage(tag=tag, image_id=image.id, method="offline" if offline else "dockerfile")


def mirror_from_sources(text: str, suite: str = SUITE) -> str | None:
    """The first enabled binary source for `suite` in an apt sources file (deb822 or one-line)."""
    for stanza in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in stanza.splitlines() if not line.lstrip().startswith("#")]
        for line in lines:
            one_line = re.match(r"\s*deb\s+(?:\[[^\]]*\]\s*)?(\S+)\s+(\S+)", line)
            if one_line and one_line[2] == suite:
                return one_line[1]
        fields = {m[1]: m[2] for line in lines if (m := re.match(r"([\w-]+):\s*(.*)", line))}
        if (
            "deb" in fields.get("Types", "").split()
            and suite in fields.get("Suites", "").split()
            and fields.get("Enabled", "yes").strip().lower() != "no"
            and fields.get("URIs", "").split()
        ):
            return fields["URIs"].split()[0]
    return None


def debian_mirror(explicit: str | None = None) -> str:
    """`explicit`, else $JUDGE_DEBIAN_MIRROR, else this host's apt source for bookworm, else
    deb.debian.org."""
    if explicit:
        return explicit
    if from_env := os.environ.get("JUDGE_DEBIAN_MIRROR"):
        return from_env
    for path in APT_SOURCES:
        try:
            found = mirror_from_sources(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        if found:
            return found
    return DEFAULT_MIRROR


@contextmanager
def _step(what: str, hint: str) -> Iterator[None]:
    """Turn engine and OS errors raised while doing `what` into SandboxUnavailable."""
    try:
        yield
    except (docker.errors.DockerException, OSError) as exc:
        reason = getattr(exc, "explanation", None) or str(exc) or type(exc).__name__
        raise SandboxUnavailable(f"sandbox image: failed {what}: {reason}; {hint}") from exc


def _build_dockerfile(client: docker.DockerClient, tag: str, log: Log) -> None:
    dockerfile = DOCKERFILE.read_bytes()
    base = re.search(rb"^FROM\s+(\S+)", dockerfile, re.MULTILINE)
    assert base, f"{DOCKERFILE} has no FROM line"
    base_image = base[1].decode()
    # Pull the base first: a missing registry then fails fast with its own message, and the
    # build proper needs only PyPI.
    with _step(f"pulling the base image {base_image}", ONLINE_HINT):
        try:
            client.images.get(base_image)
        except docker.errors.ImageNotFound:
            log(f"pulling {base_image}")
            client.images.pull(base_image)
    step = "starting the build"
    with _step(f"building {tag} from {DOCKERFILE}", ONLINE_HINT):
        for chunk in client.api.build(
            fileobj=io.BytesIO(dockerfile),
            tag=tag,
            rm=True,
            forcerm=True,
            decode=True,
            timeout=BUILD_READ_TIMEOUT,
        ):
            for line in ANSI_ESCAPE.sub("", str(chunk.get("stream", ""))).splitlines():
                if line.strip():
                    log(line)
                if line.startswith("Step "):
                    step = line
            if "error" in chunk:
                raise SandboxUnavailable(
                    f"sandbox image: build failed at {step!r}: {chunk['error']}; {ONLINE_HINT}"
                )


def _build_offline(client: docker.DockerClient, tag: str, log: Log, mirror: str | None) -> None:
    if os.geteuid() != 0:
        raise SandboxUnavailable(
            "sandbox image: the offline build runs debootstrap, which needs root: "
            "rerun it as root (e.g. `sudo judge sandbox build --offline`)"
        )
    if shutil.which("debootstrap") is None:
        raise SandboxUnavailable(
            "sandbox image: the offline build needs debootstrap, which is not installed: "
            "`apt-get install debootstrap`, then retry"
        )
    mirror = debian_mirror(mirror)
    rootfs = Path(tempfile.mkdtemp(prefix="judge-rootfs-"))
    try:
        log(f"debootstrap {SUITE} from {mirror} into {rootfs}")
        _debootstrap(rootfs, mirror, log)
        log("pruning the root filesystem")
        for pattern in PRUNE_GLOBS:
            for path in rootfs.glob(pattern):
                _remove(path)
        log(f"importing it as {tag}")
        _import(client, rootfs, tag)
    finally:
        _remove_rootfs(rootfs, log)


def _debootstrap(rootfs: Path, mirror: str, log: Log) -> None:
    command = [
        "debootstrap",
        "--variant=minbase",
        f"--include={','.join(OFFLINE_PACKAGES)}",
        SUITE,
        str(rootfs),
        mirror,
    ]
    tail: deque[str] = deque(maxlen=5)
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            log(line.rstrip())
            tail.append(line.strip())
    if process.returncode != 0:
        debootstrap_log = rootfs / "debootstrap" / "debootstrap.log"
        if debootstrap_log.is_file():
            tail.extend(debootstrap_log.read_text(errors="replace").splitlines()[-5:])
        raise SandboxUnavailable(
            f"sandbox image: debootstrap from {mirror} failed (exit {process.returncode}): "
            + " | ".join(tail)
            + "; check that the mirror serves bookworm (or set JUDGE_DEBIAN_MIRROR) and that"
            " $TMPDIR is not mounted noexec/nodev, or " + OFFLINE_HINT
        )


def _import(client: docker.DockerClient, rootfs: Path, tag: str) -> None:
    """Stream `tar` of `rootfs` into the engine (like `docker import`), never whole in memory."""
    repository, version = docker.utils.parse_repository_tag(tag)
    with (
        _step(f"importing the root filesystem as {tag}", OFFLINE_HINT),
        subprocess.Popen(
            ["tar", "--numeric-owner", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE
        ) as tar,
    ):
        assert tar.stdout is not None
        result = client.api.import_image_from_data(
            iter(partial(tar.stdout.read, 1 << 20), b""),
            repository=repository,
            tag=version,
            changes=list(OFFLINE_CHANGES),
        )
    if tar.returncode != 0:
        raise SandboxUnavailable(f"sandbox image: tar of {rootfs} failed (exit {tar.returncode})")
    for line in str(result).splitlines():
        message = json.loads(line) if line.startswith("{") else {}
        if "error" in message:
            raise SandboxUnavailable(f"sandbox image: import failed: {message['error']}")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _remove_rootfs(rootfs: Path, log: Log) -> None:
    """Delete `rootfs`, first unmounting what a killed debootstrap may leave (proc, sys, dev)."""
    with open("/proc/self/mounts", encoding="utf-8") as mounts:
        points = [
            Path(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), line.split()[1]))
            for line in mounts
        ]
    for point in sorted((p for p in points if rootfs in p.parents), key=str, reverse=True):
        subprocess.run(["umount", "--lazy", str(point)], check=False)
    shutil.rmtree(rootfs, ignore_errors=True)
    if rootfs.exists():
        log(f"warning: could not remove {rootfs} completely")


def _connect() -> docker.DockerClient:
    with _step("connecting to the Docker engine", "start dockerd or set DOCKER_HOST"):
        return docker.from_env()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m judge.sandbox.image",
        description=f"Build the sandbox image {image_tag()}; prints its tag and id.",
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--offline", action="store_true", help="debootstrap it (root, no registry)")
    how.add_argument("--auto", action="store_true", help="try online, then fall back to offline")
    parser.add_argument(
        "--mirror",
        help="Debian mirror for --offline (default: $JUDGE_DEBIAN_MIRROR, else the host's)",
    )
    args = parser.parse_args(argv)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        client = _connect()
        try:
            built = build_image(client, offline=args.offline, log=log, mirror=args.mirror)
        except SandboxUnavailable as exc:
            if not args.auto:
                raise
            log(f"{exc}\nfalling back to the offline build")
            built = build_image(client, offline=True, log=log, mirror=args.mirror)
    except SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(built.tag, built.image_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())

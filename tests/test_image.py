"""The sandbox image module: tag, mirror discovery, error reporting, and the built image itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import judge
from judge.core.errors import SandboxUnavailable
from judge.sandbox import image

DEB822 = """\
Types: deb-src
URIs: http://src.example/debian
Suites: bookworm
Components: main

Types: deb
# http://snapshot.debian.org/archive/debian-security/20250520T000000Z
URIs: http://security.example/debian-security
Suites: bookworm-security
Components: main

Types: deb
URIs: http://disabled.example/debian
Suites: bookworm
Enabled: no

Types: deb
URIs: http://mirror.example/debian http://second.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"""

ONE_LINE = """\
# deb http://commented.example/debian bookworm main
deb-src http://src.example/debian bookworm main
deb http://security.example/debian-security bookworm-security main
deb [ arch=amd64 signed-by=/usr/share/keyrings/k.gpg ] http://mirror.example/debian bookworm main
"""


def test_image_tag_names_the_judge_version() -> None:
    assert image.image_tag() == f"judge-sandbox:{judge.__version__}"
    assert image.image_tag().startswith(image.IMAGE_REPOSITORY + ":")


@pytest.mark.parametrize("text", [DEB822, ONE_LINE])
def test_mirror_is_the_first_enabled_binary_source_for_bookworm(text: str) -> None:
    assert image.mirror_from_sources(text) == "http://mirror.example/debian"


@pytest.mark.parametrize(
    "text",
    ["", "deb http://archive.ubuntu.com/ubuntu noble main\n", "Types: deb\nSuites: bookworm\n"],
)
def test_no_mirror_without_a_bookworm_source(text: str) -> None:
    assert image.mirror_from_sources(text) is None


def test_mirror_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "debian.sources"
    sources.write_text(DEB822)
    monkeypatch.setattr(image, "APT_SOURCES", (tmp_path / "absent.sources", sources))
    monkeypatch.delenv("JUDGE_DEBIAN_MIRROR", raising=False)
    assert image.debian_mirror() == "http://mirror.example/debian"
    monkeypatch.setenv("JUDGE_DEBIAN_MIRROR", "http://env.example/debian")
    assert image.debian_mirror() == "http://env.example/debian"
    assert image.debian_mirror("http://arg.example/debian") == "http://arg.example/debian"
    monkeypatch.delenv("JUDGE_DEBIAN_MIRROR")
    monkeypatch.setattr(image, "APT_SOURCES", (tmp_path / "absent.sources",))
    assert image.debian_mirror() == image.DEFAULT_MIRROR


def test_offline_build_needs_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.geteuid", lambda: 1000)
    with pytest.raises(SandboxUnavailable, match="needs root"):
        image.build_image(object(), offline=True)


class _FailingBuildAPI:
    def build(self, **kwargs: Any) -> list[dict[str, str]]:
        return [
            {"stream": "Step 2/3 : RUN pip install numpy\n"},
            {"stream": "\x1b[91mERROR: No matching distribution found for numpy\n\x1b[0m"},
            {"error": "The command returned a non-zero code: 1"},
        ]


class _FakeClient:
    api = _FailingBuildAPI()

    class images:  # mirrors DockerClient.images
        @staticmethod
        def get(name: str) -> object:
            return object()  # the base image is present: no pull


def test_online_build_failure_names_the_step_and_the_offline_way() -> None:
    lines: list[str] = []
    with pytest.raises(SandboxUnavailable) as failure:
        image.build_image(_FakeClient(), offline=False, log=lines.append)
    assert "Step 2/3 : RUN pip install numpy" in str(failure.value)
    assert "--offline" in str(failure.value)
    assert failure.value.exit_code == 2
    assert "ERROR: No matching distribution found for numpy" in lines  # colours stripped


@pytest.mark.docker
def test_built_image_runs_numpy_locked_down() -> None:
    import docker

    client = docker.from_env()
    found = image.find_image(client)
    assert found is not None, "no sandbox image: run `python -m judge.sandbox.image --auto`"
    assert image.find_image(client, "judge-sandbox:no-such-version") is None
    script = (
        "import os, sys, numpy; "
        "print(os.getuid(), numpy.arange(10).sum(), sys.version_info >= (3, 10), os.getcwd())"
    )
    output = client.containers.run(
        found.id,
        ["python3", "-c", script],
        user="65534:65534",
        read_only=True,
        network_mode="none",
        environment={"PATH": "/usr/local/bin:/usr/bin:/bin"},
        remove=True,
    )
    assert output.decode().split() == ["65534", "45", "True", "/tmp"]

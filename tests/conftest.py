"""Fixtures for the judge's tests, and the rule for Docker tests.

Tests marked `docker` run by default. Where no engine or no sandbox image is found they skip
with the reason, unless JUDGE_REQUIRE_DOCKER=1 (CI sets it): then they fail, so that a skip
can never be what makes CI green.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.core.errors import SandboxUnavailable
from judge.core.problem import Problem, load_problem
from judge.sandbox import OpenedSandbox, SandboxChoice, open_sandbox
from judge.sandbox.containers import SESSION_LABEL, finish_kills
from judge.sandbox.docker import connect
from judge.sandbox.process import NOBODY

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SUBMISSIONS = FIXTURES / "submissions"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Calibration measured fresh into a temporary cache, never the user's."""
    previous = os.environ.get("JUDGE_CACHE_DIR")
    os.environ["JUDGE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("JUDGE_CACHE_DIR", None)
    else:
        os.environ["JUDGE_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def docker_opened() -> Iterator[OpenedSandbox]:
    try:
        opened = open_sandbox(SandboxChoice.DOCKER)
    except SandboxUnavailable as error:
        if os.environ.get("JUDGE_REQUIRE_DOCKER") == "1":
            pytest.fail(
                f"Docker is required here (JUDGE_REQUIRE_DOCKER=1) but unavailable: {error}"
            )
        pytest.skip(f"no Docker sandbox: {error}")
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _docker_marker(request: pytest.FixtureRequest) -> None:
    """A `docker`-marked test gets the engine check even if it does not ask for the sandbox."""
    if request.node.get_closest_marker("docker") is not None:
        request.getfixturevalue("docker_opened")


@pytest.fixture(scope="session")
def process_opened() -> OpenedSandbox:
    return open_sandbox(SandboxChoice.PROCESS)


SMALL_STREAM = 2 * 10**4


@pytest.fixture(scope="session")
def top_k(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """top-k-streaming with stress streams of 2·10^4 values instead of 2·10^6: the same
    shapes, in a copy under its own slug so that no cache mistakes it for the package.
    For in-process (fake sandbox) judgements, which would otherwise take seconds."""
    folder = tmp_path_factory.mktemp("problems") / "top-k-small"
    shutil.copytree(ROOT / "problems" / "top-k-streaming", folder)
    yaml_path = folder / "problem.yaml"
    yaml_path.write_text(
        yaml_path.read_text().replace("slug: top-k-streaming", "slug: top-k-small")
    )
    with (folder / "properties.py").open("a") as properties:
        properties.write(f"\nMAX_STREAM = {SMALL_STREAM}\n")
    problem = load_problem(folder)
    for case in problem.properties.stress_cases(random.Random(0)):
        assert sum(len(step) for step in case.steps) <= SMALL_STREAM + len(case.steps)
    return problem


@pytest.fixture(scope="session")
def add_problem() -> Problem:
    return load_problem(FIXTURES / "problems" / "add")


# Everything a sandbox leaves lives under the temporary folder: staging folders, the process
# sandbox's working directory, a container's bind mount. A folder of this run's own makes
# what is left behind attributable to this run, so tests may run beside other judges (or
# other test runs) on the same machine. The sandbox's user must be able to enter it.
RUN_TMP = Path(tempfile.mkdtemp(prefix="judge-tests-"))
os.environ["JUDGE_NO_DAEMON"] = "1"  # a daemon the developer runs never judges for the tests
RUN_TMP.chmod(0o755)
os.environ["TMPDIR"] = tempfile.tempdir = str(RUN_TMP)


def _stage_folders() -> set[str]:
    return {path.name for path in RUN_TMP.glob("judge-stage-*")}


def _sandbox_processes() -> set[int]:
    """Pids running as the sandbox's uid in a folder of this run (the process sandbox's)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == NOBODY and (entry / "cwd").resolve().is_relative_to(
                    RUN_TMP
                ):
                    found.add(int(entry.name))
            except OSError:
                pass
    return found


def _containers() -> list[str]:
    """Session containers whose staging folder is this run's (a container's own processes
    end with it, so these cover the Docker sandbox's processes too)."""
    try:
        client = connect()
    except SandboxUnavailable:
        return []
    try:
        return [
            str(summary["Id"])
            for summary in client.api.containers(all=True, filters={"label": SESSION_LABEL})
            if any(
                Path(mount.get("Source", "/")).is_relative_to(RUN_TMP)
                for mount in summary.get("Mounts") or []
            )
        ]
    finally:
        client.close()


@pytest.fixture(autouse=True, scope="session")
def _nothing_left_behind() -> Iterator[None]:
    """After the whole run: no session container, sandbox process or staging folder remains."""
    yield
    finish_kills()  # containers are killed in the background: wait for the last ones
    time.sleep(0.5)  # the kernel reaps killed processes asynchronously
    left = []
    if _stage_folders():
        left.append(f"staging folders {sorted(_stage_folders())}")
    if _sandbox_processes():
        left.append(f"sandbox processes {sorted(_sandbox_processes())}")
    if _containers():
        left.append(f"containers {_containers()}")
    shutil.rmtree(RUN_TMP, ignore_errors=True)
    assert not left, "left behind: " + "; ".join(left)

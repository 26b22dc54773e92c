"""Fixtures for the judge's tests, and the rule for Docker tests.

Tests marked `docker` run by default. Where no engine or no sandbox image is found they skip
with the reason, unless JUDGE_REQUIRE_DOCKER=1 (CI sets it): then they fail, so that a skip
can never be what makes CI green.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.errors import SandboxUnavailable
from judge.problem import Problem, load_problem
from judge.sandbox import OpenedSandbox, SandboxChoice, open_sandbox

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
def docker_opened() -> OpenedSandbox:
    try:
        return open_sandbox(SandboxChoice.DOCKER)
    except SandboxUnavailable as error:
        if os.environ.get("JUDGE_REQUIRE_DOCKER") == "1":
            pytest.fail(
                f"Docker is required here (JUDGE_REQUIRE_DOCKER=1) but unavailable: {error}"
            )
        pytest.skip(f"no Docker sandbox: {error}")


@pytest.fixture(autouse=True)
def _docker_marker(request: pytest.FixtureRequest) -> None:
    """A `docker`-marked test gets the engine check even if it does not ask for the sandbox."""
    if request.node.get_closest_marker("docker") is not None:
        request.getfixturevalue("docker_opened")


@pytest.fixture(scope="session")
def process_opened() -> OpenedSandbox:
    return open_sandbox(SandboxChoice.PROCESS)


@pytest.fixture(scope="session")
def add_problem() -> Problem:
    return load_problem(FIXTURES / "problems" / "add")

"""Containers got ready ahead of their submission: resized to the limits they are taken for."""

from __future__ import annotations

import pytest

from judge.core.verdict import Limits
from judge.sandbox import OpenedSandbox
from judge.sandbox.containers import Spare
from judge.sandbox.docker import DockerSandbox

pytestmark = pytest.mark.docker


def _memory_bytes(container_id: str, opened: OpenedSandbox) -> tuple[int, int]:
    client = opened.sandbox.client  # type: ignore[attr-defined]
    config = client.api.inspect_container(container_id)["HostConfig"]
    return config["Memory"], config["MemorySwap"]


def test_a_spare_started_for_one_memory_limit_is_taken_with_another(
    docker_opened: OpenedSandbox,
) -> None:
    sandbox: DockerSandbox = docker_opened.sandbox  # type: ignore[assignment]
    spare = Spare(sandbox.client, sandbox.image_id)
    try:
        spare.prepare(Limits(time_s=1, memory_mib=256))
        spare.prepare(Limits(time_s=2, memory_mib=64))  # one is on its way: kept, not doubled
        container = spare.take(Limits(time_s=1, memory_mib=48))
        try:
            assert container.memory_mib == 48
            assert _memory_bytes(container.id, docker_opened) == (48 << 20, 48 << 20)
            assert container.harness is not None  # its harness waits for the load line
        finally:
            container.kill()
        fresh = spare.take(Limits(time_s=1, memory_mib=96))  # nothing prepared: started now
        try:
            assert _memory_bytes(fresh.id, docker_opened) == (96 << 20, 96 << 20)
        finally:
            fresh.kill()
    finally:
        spare.close()

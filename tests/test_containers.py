"""Containers got ready ahead of their submission, and their accounting files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from judge.core.verdict import Limits
from judge.sandbox import OpenedSandbox
from judge.sandbox.cgroup import CgroupFiles
from judge.sandbox.containers import Spare
from judge.sandbox.docker import DockerSandbox
from judge.sandbox.session import Usage


def _memory_bytes(container_id: str, opened: OpenedSandbox) -> tuple[int, int]:
    client = opened.sandbox.client  # type: ignore[attr-defined]
    config = client.api.inspect_container(container_id)["HostConfig"]
    return config["Memory"], config["MemorySwap"]


@pytest.mark.docker
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


def test_accounting_files_are_read_afresh_through_descriptors_kept_open(tmp_path: Path) -> None:
    """A session reads the cgroup's files for every request: each is opened once, read from
    its start every time (a value that grew or shrank is seen whole), and closed at the end."""
    cpu, peak, events = tmp_path / "cpu.stat", tmp_path / "memory.peak", tmp_path / "memory.events"
    cpu.write_text("usage_usec 1500000\nuser_usec 1000000\n")
    peak.write_text("4096\n")
    events.write_text("low 0\noom_kill 0\n")
    files = CgroupFiles(cpu_ns=None, cpu_usec=cpu, memory_peak=peak, oom_events=events)
    assert files.usage() == Usage(cpu_s=1.5, memory_peak_bytes=4096, oom_kills=0)
    held = dict(files._open)
    cpu.write_text("usage_usec 25000000\nuser_usec 1\n")  # longer than before
    peak.write_text("99\n")  # shorter than before
    events.write_text("low 0\noom_kill 1\n")
    assert files.usage() == Usage(cpu_s=25.0, memory_peak_bytes=99, oom_kills=1)
    assert files._open == held  # the same descriptors, not new ones
    files.close()
    for descriptor in held.values():
        with pytest.raises(OSError):
            os.fstat(descriptor)

"""A container's accounting as the host reads it from the kernel: CPU, memory peak, OOM kills.

The submission cannot touch these files (they live on the host), so they corroborate or
overrule whatever the harness reports. Both cgroup v1 and v2 layouts are understood; a
remote engine gives no access, and then the harness' times stand alone.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from judge.sandbox.session import Usage

READ_BYTES = 1 << 16
"""More than any of the accounting files holds (a few lines each)."""


@dataclass(frozen=True)
class CgroupFiles:
    """Where the container's accounting lives on the host (cgroup v1 or v2).

    Each file is opened once and read again from its start for every request (a session
    reads six per request: opening them each time was a quarter of a small case's host
    time). `close` releases them, on the thread that reads them, when the session ends."""

    cpu_ns: Path | None
    cpu_usec: Path | None
    memory_peak: Path | None
    oom_events: Path | None
    _open: dict[Path, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_pid(cls, pid: int) -> CgroupFiles | None:
        try:
            lines = Path(f"/proc/{pid}/cgroup").read_text().splitlines()
        except OSError:
            return None  # a remote engine: no accounting, the harness' times stand alone
        controllers: dict[str, str] = {}
        for line in lines:
            _, names, path = line.split(":", 2)
            for name in names.split(",") if names else [""]:
                controllers[name] = path.lstrip("/")
        root = Path("/sys/fs/cgroup")
        if "memory" in controllers:  # v1
            memory = root / "memory" / controllers["memory"]
            cpu = root / "cpuacct" / controllers.get("cpuacct", controllers.get("cpu", ""))
            return cls(
                cpu_ns=cpu / "cpuacct.usage",
                cpu_usec=None,
                memory_peak=memory / "memory.max_usage_in_bytes",
                oom_events=memory / "memory.oom_control",
            )
        unified = root / controllers.get("", "")
        return cls(
            cpu_ns=None,
            cpu_usec=unified / "cpu.stat",
            memory_peak=unified / "memory.peak",
            oom_events=unified / "memory.events",
        )

    def usage(self) -> Usage:
        return Usage(cpu_s=self._cpu_s(), memory_peak_bytes=self._peak(), oom_kills=self._ooms())

    def reset_peak(self) -> None:
        if self.memory_peak is not None and self.memory_peak.name == "memory.max_usage_in_bytes":
            # Not root: the peak stays the session's rather than the case's.
            with contextlib.suppress(OSError):
                self.memory_peak.write_text("0")

    def _cpu_s(self) -> float | None:
        try:
            if self.cpu_ns is not None:
                return int(self._read(self.cpu_ns)) / 1e9
            if self.cpu_usec is not None:
                return _keyed(self._read(self.cpu_usec), "usage_usec") / 1e6
        except (OSError, ValueError):
            pass
        return None

    def _peak(self) -> int | None:
        try:
            return int(self._read(self.memory_peak)) if self.memory_peak else None
        except (OSError, ValueError):
            return None

    def _ooms(self) -> int | None:
        try:
            if self.oom_events is None:
                return None
            return int(_keyed(self._read(self.oom_events), "oom_kill"))
        except (OSError, ValueError, KeyError):
            return None

    def _read(self, path: Path) -> str:
        descriptor = self._open.get(path)
        if descriptor is None:
            descriptor = self._open[path] = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        return os.pread(descriptor, READ_BYTES, 0).decode()

    def close(self) -> None:
        """Close the files; later reads open them again (none is expected)."""
        while self._open:
            os.close(self._open.popitem()[1])


def _keyed(text: str, key: str) -> int:
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name == key:
            return int(value)
    raise KeyError(key)

"""Benchmarks of the judging core, printed (not asserted): run `python bench/session.py`.

1. Per-case overhead of a live session for a tiny input: host round trip minus the
   submission's own time (target: median <= 1 ms).
2. Container start to first call served (target: median <= 0.7 s).
3. `judge run` of an accepted two-sum end to end (samples + 200 property cases + stress),
   beyond the submission's own compute (target: <= 2 s), against a `docker run` per case.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from judge.core.engine import JudgeOptions, judge
from judge.core.problem import load_problem
from judge.core.verdict import Limits
from judge.sandbox import SandboxChoice, open_sandbox
from judge.sandbox.docker import DockerSandbox

ROOT = Path(__file__).resolve().parent.parent
ADD = "def add(a, b):\n    return a + b\n"
ENTRY = {"kind": "function", "name": "add", "arity": 2}


def round_trips(sandbox: DockerSandbox, calls: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "add.py"
        path.write_text(ADD)
        session = sandbox.start(path, ENTRY, Limits(time_s=1.0, memory_mib=64))
        try:
            session.hello(10)
            overheads = []
            for index in range(calls):
                exchange = session.request({"op": "call", "args": [index, 1]}, 1.0)
                own = (exchange.reply or {}).get("time_ns", 0) / 1e9
                overheads.append(exchange.wall_s - own)
        finally:
            session.close()
    return overheads


def first_call(sandbox: DockerSandbox, runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "add.py"
        path.write_text(ADD)
        for _ in range(runs):
            start = time.monotonic()
            session = sandbox.start(path, ENTRY, Limits(time_s=1.0, memory_mib=64))
            try:
                session.hello(10)
                session.request({"op": "call", "args": [1, 2]}, 1.0)
                times.append(time.monotonic() - start)
            finally:
                session.close()
    return times


def docker_run_per_case(image: str, runs: int) -> list[float]:
    """What a judge without a live session pays: one `docker run` per case."""
    command = ["docker", "run", "--rm", "--network", "none", image, "python3", "-c", "print(1 + 2)"]
    times = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.monotonic() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    opened = open_sandbox(SandboxChoice.DOCKER)
    sandbox = opened.sandbox
    assert isinstance(sandbox, DockerSandbox)

    overheads = round_trips(sandbox, 1000)
    print(
        f"1. per-case overhead, tiny input: median {statistics.median(overheads) * 1000:.3f} ms, "
        f"p90 {statistics.quantiles(overheads, n=10)[-1] * 1000:.3f} ms over {len(overheads)} calls"
    )

    starts = first_call(sandbox, args.runs)
    print(
        f"2. container start to first call served: median {statistics.median(starts):.3f} s "
        f"(runs: {', '.join(f'{t:.3f}' for t in starts)})"
    )

    problem = load_problem(ROOT / "problems" / "two-sum")
    submission = ROOT / "solutions" / "two-sum" / "accepted" / "hash_map.py"
    judge(problem, submission, opened, JudgeOptions())  # warm: calibration and stress suite
    walls, beyond = [], []
    for _ in range(args.runs):
        start = time.monotonic()
        report = judge(problem, submission, opened, JudgeOptions())
        wall = time.monotonic() - start
        own = sum(case.time_ms or 0 for case in report.cases) / 1000
        walls.append(wall)
        beyond.append(wall - own)
        assert report.verdict.value == "AC", report.verdict
    cases = len(report.cases)
    print(
        f"3. judge run, accepted two-sum ({cases} cases): median wall {statistics.median(walls):.3f} s, "
        f"beyond the submission's own compute {statistics.median(beyond):.3f} s"
    )
    per_case = statistics.median(docker_run_per_case(opened.info.image_id or "", args.runs))
    estimate = per_case * cases
    print(
        f"   a docker run per case costs {per_case:.3f} s: {cases} cases would take ~{estimate:.1f} s, "
        f"{estimate / statistics.median(walls):.0f}x the live session"
    )


if __name__ == "__main__":
    main()

"""Benchmark of `judge grade --jobs`: wall time for 40 submissions, 1 job against 2.

Printed, not asserted: run `python bench/grade_jobs.py` (Docker and the sandbox image needed).
It copies labelled submissions into one folder of candidates (mostly accepted and wrong
answers, two time limits exceeded), grades it once untimed (calibration, warm caches), then
alternates timed runs of `judge grade --jobs 1` and `--jobs 2` and prints the median wall
times and the speed-up. Every run must give the same verdicts and scores (checked).

By default the candidates are the fixture problem `add`'s submissions (each judgement is
dominated by the sandbox's start, the engine's calls and Hypothesis); `--problem` with
`--solutions` uses a real problem's labelled solutions instead, e.g.
`--problem problems/pairwise-similarity --solutions solutions/pairwise-similarity`.
Anything else running on the machine (another test suite) shows up as noise.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
QUICK = ["ok.py", "wa_negative.py", "ok_solution_class.py", "re_raise.py"]
SLOW = ["tle_sleep.py", "tle_loop.py"]


def pool(solutions: Path | None) -> tuple[list[Path], list[Path]]:
    """(quick submissions to cycle through, time-limit ones): fixtures, or labelled folders."""
    if solutions is None:
        folder = FIXTURES / "submissions"
        return [folder / name for name in QUICK], [folder / name for name in SLOW]
    quick = sorted((solutions / "accepted").glob("*.py")) + sorted(
        (solutions / "wrong_answer").glob("*.py")
    )
    slow = sorted((solutions / "time_limit_exceeded").glob("*.py"))
    if not quick:
        raise SystemExit(f"{solutions}: no accepted/ or wrong_answer/ submissions")
    return quick, slow


def make_candidates(folder: Path, count: int, quick: list[Path], slow: list[Path]) -> None:
    chosen = list(itertools.islice(itertools.cycle(slow), 2 if slow else 0))
    chosen += list(itertools.islice(itertools.cycle(quick), count - len(chosen)))
    for index, source in enumerate(chosen):
        (folder / f"c{index:02d}_{source.stem}.py").write_bytes(source.read_bytes())


def grade(problem: Path, folder: Path, jobs: int, sandbox: str, out: Path) -> float:
    command = [
        sys.executable,
        "-c",
        "from judge.cli import main; main()",
        "grade",
        str(problem),
        "--dir",
        str(folder),
        "--jobs",
        str(jobs),
        "--sandbox",
        sandbox,
        "--json-file",
        str(out),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CI": "1"})
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"judge grade failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return elapsed


def outcome(path: Path) -> list[tuple[str, str, float]]:
    rows = json.loads(path.read_text())["results"]
    return [(row["candidate"], row["verdict"], row["score"]) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problem", type=Path, default=FIXTURES / "problems" / "add")
    parser.add_argument("--solutions", type=Path, help="a problem's labelled solutions folder")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per --jobs value")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sandbox", default="docker", choices=["docker", "process"])
    args = parser.parse_args()

    quick, slow = pool(args.solutions)
    with tempfile.TemporaryDirectory(prefix="judge-bench-") as scratch:
        folder = Path(scratch) / "candidates"
        folder.mkdir()
        make_candidates(folder, args.count, quick, slow)
        names = sorted(path.stem.split("_", 1)[1] for path in folder.glob("*.py"))
        mix = {name: names.count(name) for name in sorted(set(names))}
        print(f"{args.count} submissions of {args.problem.name} ({args.sandbox}): {mix}")
        print(f"cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
        reference = Path(scratch) / "warm.json"
        warm = grade(args.problem, folder, max(args.jobs), args.sandbox, reference)
        print(f"warm-up (calibration, caches) with --jobs {max(args.jobs)}: {warm:.1f} s")
        expected = outcome(reference)
        times: dict[int, list[float]] = {jobs: [] for jobs in args.jobs}
        for run in range(args.runs):
            for jobs in args.jobs:
                out = Path(scratch) / f"run{run}-j{jobs}.json"
                times[jobs].append(grade(args.problem, folder, jobs, args.sandbox, out))
                if outcome(out) != expected:
                    raise SystemExit(f"run {run} with --jobs {jobs} disagreed with the warm-up")
                print(f"  run {run + 1}, --jobs {jobs}: {times[jobs][-1]:.1f} s", flush=True)
    print("jobs  median s  runs")
    for jobs, values in times.items():
        print(
            f"{jobs:>4}  {statistics.median(values):>8.1f}  {', '.join(f'{v:.1f}' for v in values)}"
        )
    base = statistics.median(times[args.jobs[0]])
    for jobs in args.jobs[1:]:
        print(
            f"speed-up --jobs {jobs} vs --jobs {args.jobs[0]}: {base / statistics.median(times[jobs]):.2f}x"
        )
    print(
        f"load average after: {os.getloadavg()[0]:.2f}; verdicts and scores identical in every run"
    )


if __name__ == "__main__":
    main()

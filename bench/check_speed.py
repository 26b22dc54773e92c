"""Whole-process `judge check` of the first six packages, one judgement at a time against
`--jobs 2`, paired (A B A B…).

The six are the packages `judge check problems/*` covered when the speed issue was filed
(about 3 minutes then, on this machine): dijkstra, knapsack, lcs, pairwise-similarity,
top-k-streaming and two-sum, with every labelled submission and its margin. A first
unmeasured run warms the calibration and suite caches. Every run must give the same
verdicts (checked); margins may differ. The target lives here, not in a test: 3× faster
than the 183 s measured when the issue was filed.

    python bench/check_speed.py [--pairs 2] [--sandbox docker] [SLUG ...]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIX = ["dijkstra", "knapsack", "lcs", "pairwise-similarity", "top-k-streaming", "two-sum"]
FILED_S = 183.0
"""`judge check` of the six when the issue was filed (3 min 03 s)."""
TARGET_SPEEDUP = 3.0
VERDICT = re.compile(r"(\S+\.py): expected (\w+), got (\w+)")


def check(slugs: list[str], jobs: int, sandbox: str) -> tuple[float, list[tuple[str, ...]]]:
    command = [str(Path(sys.executable).with_name("judge")), "check"]
    command += [str(ROOT / "problems" / slug) for slug in slugs]
    command += ["--jobs", str(jobs), "--sandbox", sandbox]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"judge check failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, VERDICT.findall(" ".join(done.stdout.split()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--sandbox", default="docker", choices=["docker", "process"])
    parser.add_argument("slugs", nargs="*", default=SIX)
    args = parser.parse_args()
    _, expected = check(args.slugs, 1, args.sandbox)  # warms the caches
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(args.pairs):
        for jobs in (1, 2):
            elapsed, verdicts = check(args.slugs, jobs, args.sandbox)
            if verdicts != expected:
                sys.exit(f"--jobs {jobs} gave other verdicts:\n{verdicts}\nnot\n{expected}")
            times[jobs].append(elapsed)
    ratios = [a / b for a, b in zip(times[1], times[2], strict=True)]
    for jobs, measured in times.items():
        print(
            f"--jobs {jobs}  median {statistics.median(measured):6.1f} s  "
            f"(min {min(measured):.1f}, max {max(measured):.1f})"
        )
    print(
        f"--jobs 2 speed-up over --jobs 1: median {statistics.median(ratios):.2f}x "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}) over {args.pairs} pairs; "
        f"{len(expected)} labelled submissions, the same verdicts in every run"
    )
    if args.slugs == SIX:
        best = statistics.median(times[2])
        print(
            f"against the {FILED_S:.0f} s of the filed issue: {FILED_S / best:.2f}x with --jobs 2, "
            f"{FILED_S / statistics.median(times[1]):.2f}x with --jobs 1 "
            f"(target >= {TARGET_SPEEDUP:.0f}x)"
        )


if __name__ == "__main__":
    main()

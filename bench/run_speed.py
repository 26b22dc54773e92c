"""Whole-process speed of `judge run`, paired against a bare container start.

Runs A (`judge run two-sum <accepted> --sandbox docker --json`, warm caches) and B (`docker
run --rm --network none <image> python3 -c pass`) alternately, N pairs, and prints each
one's median wall time, the median of the per-pair ratios A/B and its spread (min and max).
A first unpaired run of A warms the caches (calibration and suite), as a user's second run
would find them. The target lives here, not in a test: ratio <= 2.0.

    python bench/run_speed.py [--pairs 7] [--problem two-sum] [--submission PATH]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--problem", default="two-sum")
    parser.add_argument(
        "--submission", default=str(ROOT / "solutions/two-sum/accepted/hash_map.py")
    )
    args = parser.parse_args()
    from judge.sandbox.image import image_tag

    judge_command = [
        str(Path(sys.executable).with_name("judge")),
        "run",
        args.problem,
        args.submission,
        "--sandbox",
        "docker",
        "--json",
        "--problems",
        str(ROOT / "problems"),
    ]
    docker_command = [
        "docker",
        "run",
        "--rm",
        "--network",
        "none",
        image_tag(),
        "python3",
        "-c",
        "pass",
    ]
    timed(judge_command)  # warm: calibration and suite caches, page cache
    judged, bare = [], []
    for _ in range(args.pairs):
        judged.append(timed(judge_command))
        bare.append(timed(docker_command))
    ratios = [a / b for a, b in zip(judged, bare, strict=True)]
    print(
        f"judge run   median {statistics.median(judged):.3f} s  (min {min(judged):.3f}, max {max(judged):.3f})"
    )
    print(
        f"docker run  median {statistics.median(bare):.3f} s  (min {min(bare):.3f}, max {max(bare):.3f})"
    )
    print(
        f"ratio       median {statistics.median(ratios):.2f}x  (min {min(ratios):.2f}, "
        f"max {max(ratios):.2f}) over {args.pairs} pairs; target <= {TARGET_RATIO:.1f}x"
    )


if __name__ == "__main__":
    main()

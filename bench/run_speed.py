"""Whole-process speed of `judge run`, with and without the daemon, against a bare container.

Each round runs, one after the other: `judge run two-sum <accepted> --sandbox docker --json`
without a daemon (cold: JUDGE_NO_DAEMON=1), the same with a daemon running (warm: started
by this script on a socket of its own, stopped at the end), and `docker run --rm --network
none <image> python3 -c pass` (bare). It prints each one's median wall time and the median of
the per-round ratios to the bare start, with their spread (min and max). A first unpaired
run of each warms the caches (calibration and suite), as a user's second run would find them.
Targets live here, not in a test: cold <= 2.0x, warm <= 1.3x (the issue's stretch).

    python bench/run_speed.py [--rounds 7] [--problem two-sum] [--submission PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"cold": 2.0, "warm": 1.3}


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed


def describe(name: str, times: list[float]) -> str:
    return (
        f"{name:<11} median {statistics.median(times):.3f} s  "
        f"(min {min(times):.3f}, max {max(times):.3f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--problem", default="two-sum")
    parser.add_argument(
        "--submission", default=str(ROOT / "solutions/two-sum/accepted/hash_map.py")
    )
    args = parser.parse_args()
    from judge.sandbox.image import image_tag

    judge = str(Path(sys.executable).with_name("judge"))
    run = [judge, "run", args.problem, args.submission, "--sandbox", "docker", "--json"]
    run += ["--problems", str(ROOT / "problems")]
    bare = ["docker", "run", "--rm", "--network", "none", image_tag(), "python3", "-c", "pass"]
    with tempfile.TemporaryDirectory(prefix="judge-bench-") as folder:
        warm_env = {**os.environ, "JUDGE_DAEMON_SOCKET": str(Path(folder) / "d.sock")}
        warm_env.pop("JUDGE_NO_DAEMON", None)
        cold_env = {**os.environ, "JUDGE_NO_DAEMON": "1"}
        subprocess.run([judge, "daemon", "start"], env=warm_env, check=True, capture_output=True)
        try:
            commands = {"cold": (run, cold_env), "warm": (run, warm_env), "bare": (bare, cold_env)}
            for command, env in commands.values():
                timed(command, env)  # warm: calibration and suite caches, page cache
            times: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(args.rounds):
                for name, (command, env) in commands.items():
                    times[name].append(timed(command, env))
        finally:
            subprocess.run([judge, "daemon", "stop"], env=warm_env, check=False)
    for name, measured in times.items():
        print(describe(f"judge run ({name})" if name != "bare" else "docker run", measured))
    for name, target in TARGETS.items():
        ratios = [a / b for a, b in zip(times[name], times["bare"], strict=True)]
        print(
            f"{name} ratio  median {statistics.median(ratios):.2f}x  (min {min(ratios):.2f}, "
            f"max {max(ratios):.2f}) over {args.rounds} rounds; target <= {target:.1f}x"
        )


if __name__ == "__main__":
    main()

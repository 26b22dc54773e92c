"""How steady a stress case's time is from one whole `judge run` to the next.

For each problem, judges its first accepted solution N times (`judge run --json`, each a
fresh process and a fresh sandbox, caches warm after a first unmeasured run) and prints,
per stress case, the median CPU time and the coefficient of variation (stdev / mean) over
the runs, and the spread as a share of the case's stress limit. A verdict that depends on
time is only as fair as this number is small. The target lives here, not in a test: every
case's CV <= 5% on a quiet machine, counted over cases of at least MEASURABLE_MS (a case of
half a millisecond swings by 20% with the scheduler's tick and sits a thousand times under
its limit: its CV says nothing about a verdict); and no run of an accepted solution over
its limit.

    python bench/stress_stability.py [--runs 5] [--sandbox docker] [SLUG ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_CV = 0.05
MEASURABLE_MS = 20.0


def stress_times(slug: str, submission: Path, sandbox: str) -> tuple[list[float], float]:
    """The CPU milliseconds of each stress case in one whole-process run, and the limit."""
    command = [
        str(Path(sys.executable).with_name("judge")),
        "run",
        slug,
        str(submission),
        "--sandbox",
        sandbox,
        "--json",
        "--problems",
        str(ROOT / "problems"),
    ]
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"judge run {slug} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    report = json.loads(done.stdout)
    times = [
        float(case["time_ms"])
        for case in report["cases"]
        if case["group"] == "stress" and case["time_ms"] is not None
    ]
    (stress,) = [group for group in report["groups"] if group["group"] == "stress"]
    return times, float(stress["time_limit_s"]) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sandbox", default="docker", choices=["docker", "process"])
    parser.add_argument("slugs", nargs="*")
    args = parser.parse_args()
    slugs = args.slugs or sorted(
        path.parent.name for path in (ROOT / "problems").glob("*/problem.yaml")
    )
    worst, widest, closest = 0.0, 0.0, 0.0
    print(
        f"{'problem':26} {'case':>4} {'median ms':>10} {'CV':>7} {'sd/limit':>9} {'max/limit':>9}"
    )
    for slug in slugs:
        accepted = sorted((ROOT / "solutions" / slug / "accepted").glob("*.py"))
        if not accepted:
            continue
        stress_times(slug, accepted[0], args.sandbox)  # warms the calibration and suite caches
        runs = [stress_times(slug, accepted[0], args.sandbox) for _ in range(args.runs)]
        limit_ms = runs[0][1]
        for index, times in enumerate(zip(*(run[0] for run in runs), strict=True)):
            mean = statistics.fmean(times)
            spread = statistics.stdev(times) if len(times) > 1 else 0.0
            cv = spread / mean if mean > 0 else 0.0
            median = statistics.median(times)
            if median >= MEASURABLE_MS:
                worst = max(worst, cv)
            widest = max(widest, spread / limit_ms)
            closest = max(closest, max(times) / limit_ms)
            print(
                f"{slug:26} {index:>4} {median:>10.1f} {cv:>7.1%} {spread / limit_ms:>9.2%} "
                f"{max(times) / limit_ms:>9.1%}"
            )
    verdict = "met" if worst <= TARGET_CV and closest <= 1.0 else "NOT met"
    print(
        f"largest CV {worst:.1%} over cases of {MEASURABLE_MS:g} ms or more; largest spread "
        f"{widest:.2%} of a limit; slowest run {closest:.0%} of its limit "
        f"(target CV <= {TARGET_CV:.0%} and no run over its limit: {verdict})"
    )


if __name__ == "__main__":
    main()

"""How fast `judge serve` answers in a real browser: page weight, Submit to the first streamed
case, Submit to the verdict.

Starts `judge serve` (Docker by default) on a throwaway history, opens the page in headless
Chromium (the system's, through Playwright), pastes an accepted two-sum into the editor and
presses Submit N times, timing in the page itself (performance.now()) until the first case
appears and until the verdict does. The first submission warms the caches (calibration and
suite), as a user's second would find them, and is left out of the figures. Prints medians
with their min-max. The target lives here, not in a test: the first case within 1 s.

    python bench/serve_latency.py [--runs 7] [--sandbox docker|process]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
TARGET_FIRST_CASE_S = 1.0
CODE = (ROOT / "solutions/two-sum/accepted/hash_map.py").read_text()

WEIGHT = """() => {
  const entries = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")];
  const sum = (key) => entries.reduce((total, entry) => total + entry[key], 0);
  return [sum("transferSize"), sum("decodedBodySize"), entries.length];
}"""
MEASURE = """async () => {
  // The last run's chips and verdict go first, so only this run's can be seen.
  document.querySelector("[data-testid=progress]").replaceChildren();
  document.querySelector("[data-testid=status]").replaceChildren();
  const started = performance.now();
  document.querySelector("[data-testid=submit]").click();
  const seen = (selector) => new Promise((resolve) => {
    const check = () => document.querySelector(selector) ? resolve(performance.now() - started)
                                                      : requestAnimationFrame(check);
    check();
  });
  const first = await seen("[data-testid=progress] .chip");
  const verdict = await seen("[data-testid=verdict]");
  return [first / 1000, verdict / 1000];
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sandbox", default="docker", choices=["docker", "process"])
    args = parser.parse_args()
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser_path is None:
        sys.exit("no Chromium on PATH (Debian: apt install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-c", "from judge.cli import main; main()", "serve"]
        command += ["--no-browser", "--port", "0", "--sandbox", args.sandbox]
        command += ["--problems", str(ROOT / "problems"), "--db", f"{folder}/history.sqlite3"]
        with (
            Path(folder, "serve.log").open("w") as log,
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True) as server,
        ):
            try:
                assert server.stdout is not None
                url = server.stdout.readline().strip()
                first_case, verdict, files = measure(url, browser_path, args.runs + 1)
            finally:
                server.terminate()
    sent, decoded, count = files
    print(
        f"page weight: {sent / 1024:.0f} KiB sent, {decoded / 1024:.0f} KiB decoded, {count} responses"
    )
    for name, values in (("Submit to first case", first_case), ("Submit to verdict", verdict)):
        print(
            f"{name}: median {statistics.median(values):.3f} s "
            f"[{min(values):.3f}-{max(values):.3f}] over {len(values)} runs"
        )
    met = statistics.median(first_case) <= TARGET_FIRST_CASE_S
    print(f"target first case <= {TARGET_FIRST_CASE_S} s: {'met' if met else 'NOT met'}")


def measure(
    url: str, browser_path: str, runs: int
) -> tuple[list[float], list[float], tuple[int, int, int]]:
    """The two timings of each run after the first, and what the page had loaded when the
    editor showed: bytes over the wire, bytes decoded, responses."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()

        page.goto(url)
        page.goto(url.split("?")[0] + "#/p/two-sum")
        page.wait_for_selector(".cm-editor")
        loaded = page.evaluate(WEIGHT)
        page.locator(".cm-content").click()
        page.keyboard.press("Control+A")
        page.evaluate("text => navigator.clipboard.writeText(text)", CODE)
        page.keyboard.press("Control+V")
        first_case: list[float] = []
        verdict: list[float] = []
        for run in range(runs):
            first, done = page.evaluate(MEASURE)
            if run:  # the first run warms the caches
                first_case.append(first)
                verdict.append(done)
        browser.close()
    return first_case, verdict, loaded


if __name__ == "__main__":
    main()

"""`judge serve` in a real headless browser: Chromium driven by Playwright, end to end.

A real `judge serve` process (the process sandbox: these tests are about the page) serves a
copy of two-sum and of the `add` fixture. The browser is the system's Chromium (Playwright's
own download needs the internet); where there is none these tests skip, unless
JUDGE_REQUIRE_BROWSER=1 (CI sets it): then they fail, so a skip never makes CI green.
Screenshots go to the test's temporary folder, and to $JUDGE_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

if TYPE_CHECKING:  # imported in the fixture: a machine without Playwright skips
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
TIMEOUT_MS = 60_000
"""Long enough for a whole two-sum judgement on a loaded two-core machine."""

WRONG_TWO_SUM = """def two_sum(nums, target):
    seen = {}
    for j, value in enumerate(nums):
        if target - value in seen and target - value != value:
            return seen[target - value], j
        seen[value] = j
    return None
"""
HOSTILE_TWO_SUM = """def two_sum(nums, target):
    if len(nums) > 4:
        return "<img src=x onerror=document.title='pwned'>"
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return i, j
    return None
"""
RIGHT_ADD = "def add(a, b):\n    return a + b\n"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = _chromium()
    missing = "no Chromium on PATH (Debian: apt install chromium)" if not executable else ""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        missing = f"Playwright is not installed ({error})"
    if missing:
        if os.environ.get("JUDGE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"a browser is required here (JUDGE_REQUIRE_BROWSER=1): {missing}")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        # Chromium refuses to run as root with its own sandbox; this machine's tests run as root.
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        launched = playwright.chromium.launch(executable_path=executable, args=args)
        yield launched
        launched.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A `judge serve` process; yields the URL with the token that it prints first."""
    problems = tmp_path / "problems"
    shutil.copytree(ROOT / "problems" / "two-sum", problems / "two-sum")
    shutil.copytree(FIXTURES / "problems" / "add", problems / "add")
    meta_path = problems / "add" / "problem.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    meta["difficulty"] = "hard"  # the only hard one: a set filtered on it draws exactly `add`
    meta_path.write_text(yaml.safe_dump(meta), encoding="utf-8")
    command = [sys.executable, "-c", "from judge.cli import main; main()", "serve"]
    command += ["--no-browser", "--port", "0"]
    command += ["--sandbox", "process", "--problems", str(problems)]
    command += ["--db", str(tmp_path / "history.sqlite3")]
    log = tmp_path / "serve.log"
    with (
        log.open("w") as errors,
        subprocess.Popen(
            command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=errors, text=True
        ) as process,
    ):
        try:
            assert process.stdout is not None
            url = process.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:") and "?token=" in url, log.read_text()
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def _screenshot(page: Page, tmp_path: Path, name: str) -> None:
    targets = [tmp_path / f"{name}.png"]
    if os.environ.get("JUDGE_SCREENSHOTS"):
        targets.append(Path(os.environ["JUDGE_SCREENSHOTS"]) / f"{name}.png")
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000  # a page, not a blank


def _paste_code(page: Page, code: str) -> None:
    """Replace the editor's text as a user does: select all, then paste. (Typing it key by
    key would meet the editor's auto-indent; `insert_text` turns spaces into U+00A0.)"""
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.evaluate("text => navigator.clipboard.writeText(text)", code)
    page.keyboard.press("Control+V")


def _new_page(browser: Browser) -> Page:
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


def test_filter_open_two_sum_submit_a_wrong_solution_see_the_shrunk_input(
    browser: Browser, server: str, tmp_path: Path
) -> None:
    page = _new_page(browser)
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(server)
    assert "?token" not in page.url  # traded for the cookie and dropped from the address
    rows = page.locator("[data-testid=problems] tbody tr")
    rows.first.wait_for()
    assert rows.count() == 2
    page.select_option("[data-testid=filter-difficulty]", "hard")
    assert rows.count() == 1 and rows.first.get_attribute("data-slug") == "add"
    page.select_option("[data-testid=filter-difficulty]", "")
    page.fill("[data-testid=search]", "two")
    assert rows.count() == 1 and rows.first.get_attribute("data-slug") == "two-sum"
    page.click("text=Two Sum")

    page.wait_for_selector(".cm-editor")  # CodeMirror loaded under the CSP, not the textarea
    assert "def two_sum" in page.locator(".cm-content").inner_text()
    _paste_code(page, WRONG_TWO_SUM)
    page.click("[data-testid=submit]")
    verdict = page.locator("[data-testid=verdict]")
    verdict.wait_for()
    assert "(WA)" in verdict.inner_text()
    shrunk = page.locator("[data-testid=failure-input]").inner_text()
    assert shrunk.startswith("nums=[") and "target=" in shrunk
    assert "shrunk to a minimal input" in page.locator("[data-testid=failure]").inner_text()
    assert page.locator("[data-testid=progress] .chip").count() >= 2  # streamed per group
    _screenshot(page, tmp_path, "two-sum-wrong-answer")

    page.reload()  # the finished report survives a reload, and so does the draft
    page.locator("[data-testid=verdict]").wait_for()
    assert "(WA)" in page.locator("[data-testid=verdict]").inner_text()
    assert "!= value" in page.locator(".cm-content").inner_text()
    assert not errors, errors


def test_submission_output_is_shown_as_text_never_as_markup(
    browser: Browser, server: str, tmp_path: Path
) -> None:
    page = _new_page(browser)
    page.goto(server)
    page.locator("[data-testid=problems] tbody tr").first.wait_for()
    page.goto(server.split("?")[0] + "#/p/two-sum")
    page.wait_for_selector(".cm-editor")
    _paste_code(page, HOSTILE_TWO_SUM)
    page.click("[data-testid=submit]")
    page.locator("[data-testid=verdict]").wait_for()
    got = page.locator("[data-testid=failure-got]").inner_text()
    assert "<img src=x onerror=" in got  # shown, as text
    assert page.locator("[data-testid=result] img").count() == 0
    assert page.title() != "pwned"


def test_a_practice_set_solved_finished_and_plotted(
    browser: Browser, server: str, tmp_path: Path
) -> None:
    page = _new_page(browser)
    page.goto(server)
    page.locator("[data-testid=problems] tbody tr").first.wait_for()
    page.click("text=Practice set")
    page.fill("[data-testid=set-count]", "1")
    page.locator("label:has-text('Difficulty') select").select_option("hard")
    page.check("[data-testid=set-hide-difficulty]")
    page.click("[data-testid=start-set]")
    summary = page.locator("[data-testid=set-summary]")
    summary.wait_for()
    assert "hidden" in summary.inner_text()  # a mock interview hides the difficulty
    assert page.locator("[data-testid=timer]").is_visible()
    page.click("[data-testid=set-summary] a")

    page.wait_for_selector(".cm-editor")
    assert "in your practice set" in page.inner_text("main")
    _paste_code(page, RIGHT_ADD)
    page.click("[data-testid=submit]")
    page.locator("[data-testid=verdict]").wait_for()
    assert "(AC)" in page.locator("[data-testid=verdict]").inner_text()
    assert "recorded in your practice set" in page.locator("[data-testid=status]").inner_text()
    page.locator("[data-testid=attempts]").wait_for()
    assert "AC" in page.locator("[data-testid=attempts]").inner_text()

    page.click("text=Practice set")
    page.click("[data-testid=finish-set]")
    page.wait_for_selector("text=Set finished")
    assert "Solved 1/1 in time" in page.inner_text("main")
    page.click("text=See your progress")
    page.locator("[data-testid=plot-sets] canvas").wait_for()
    assert page.locator("[data-testid=plot-times] canvas").count() == 1
    assert "add" in page.locator("[data-testid=stats-problems]").inner_text()
    _screenshot(page, tmp_path, "progress")

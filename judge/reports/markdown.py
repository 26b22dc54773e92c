"""A grading as Markdown, for $GITHUB_STEP_SUMMARY (or `--markdown FILE`).

A results table (one row per candidate and problem, with each group's points), then each
failure in a collapsed block with its first failing case. Names and messages come from
candidates: table cells are HTML-escaped with pipes and newlines defused, and case details
sit in a code fence longer than any backtick run inside, so nothing renders as markup.
No timings appear, so two gradings of the same files write the same summary.
"""

from __future__ import annotations

import html
import re

from judge.core.text import printable, single_line
from judge.core.verdict import Group
from judge.grading.results import Graded, Grading
from judge.reports.junit import case_detail

MARKS = {True: "✅", False: "❌"}


def cell(text: str) -> str:
    flat = single_line(" ".join(text.split()))
    return html.escape(flat, quote=False).replace("|", "\\|")


def fenced(text: str) -> str:
    text = printable(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def render(grading: Grading) -> str:
    results = grading.results
    passed = sum(graded.passed for graded in results)
    problems = sorted({graded.problem for graded in results})
    sandbox = grading.sandbox
    image = f", image {sandbox.image_id[:19]}" if sandbox.image_id else ""
    lines = [
        f"## judge grade: {cell(', '.join(problems))}",
        "",
        f"**{passed}/{len(results)} passed** · pass rule: {cell(grading.rule.describe())} · "
        f"seed {grading.seed} · {cell(sandbox.kind)} sandbox{cell(image)}",
        "",
        "| Candidate | Problem | Verdict | Score | Samples | Properties | Stress | Passed |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    lines += [_row(graded) for graded in results]
    if sandbox.notice:
        lines += ["", f"> {cell(sandbox.notice)}"]
    details = [_details(graded) for graded in results if not graded.report.verdict.accepted]
    if details:
        lines += ["", "### Failures", "", *details]
    return "\n".join(lines) + "\n"


def _row(graded: Graded) -> str:
    report = graded.report
    points = {group.group: f"{group.score:g}/{group.weight:g}" for group in report.groups}
    verdict = f"{report.verdict.value} {report.verdict.label}"
    return (
        "| "
        + " | ".join(
            [
                cell(graded.candidate),
                cell(report.problem),
                cell(verdict),
                f"{report.score:g}",
                *(points.get(group, "–") for group in Group),
                MARKS[graded.passed],
            ]
        )
        + " |"
    )


def _details(graded: Graded) -> str:
    report = graded.report
    summary = (
        f"{graded.candidate} · {report.problem}: {report.verdict.value} ({report.score:g} points)"
    )
    parts = []
    if report.message:
        parts.append(f"{report.verdict.value} ({report.verdict.label}): {report.message}")
    if report.first_failure is not None:
        parts.append(case_detail(report.first_failure))
    parts += report.notes
    body = (
        "\n\n".join(part.rstrip() for part in parts)
        or f"{report.verdict.value} ({report.verdict.label})"
    )
    return f"<details><summary>{cell(summary)}</summary>\n\n{fenced(body)}\n\n</details>\n"

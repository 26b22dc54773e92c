"""A grading as CSV: one row per candidate and problem, for a spreadsheet or a grade book.

Columns: candidate, problem, verdict, score, passed. A cell that a spreadsheet would run as
a formula (starting with = + - @ or a tab) gets a leading apostrophe, and control
characters become escapes: candidate names come from file names, which candidates choose.
"""

from __future__ import annotations

import csv
import io

from judge.core.text import single_line
from judge.grading.results import Grading

COLUMNS = ("candidate", "problem", "verdict", "score", "passed")


def cell(text: str) -> str:
    text = single_line(text)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render(grading: Grading) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for graded in grading.results:
        report = graded.report
        writer.writerow(
            (
                cell(graded.candidate),
                cell(report.problem),
                report.verdict.value,
                f"{report.score:g}",
                "yes" if graded.passed else "no",
            )
        )
    return out.getvalue()

"""A grading as JSON (`judge grade --json`), and what two gradings must agree on.

The same schema as `judge run --json` (`judge.reports.json`): each result carries the fields
of a judged report, plus the candidate and whether they passed.
"""

from __future__ import annotations

from typing import Any

from judge import __version__
from judge.grading.results import Grading, totals
from judge.reports.json import SCHEMA_VERSION, report_to_dict

TIMING_FIELDS = frozenset(
    {
        "time_ms",
        "wall_ms",
        "memory_mb",
        "max_time_ms",
        "max_memory_mb",
        "elapsed_s",
        "time_limit_s",
        "time_limit_note",
    }
)
"""JSON fields that measure this machine at this moment: the only ones that may differ
between two gradings of the same files with the same seed (see `strip_timings`)."""


def grading_to_dict(grading: Grading) -> dict[str, Any]:
    """The `--json` document: schema, seed and pass rule, then one entry per candidate and
    problem with the same fields as `judge run --json` (plus candidate and passed)."""
    results = []
    for graded in grading.results:
        fields = report_to_dict(graded.report)
        results.append(
            {
                "candidate": graded.candidate,
                "problem": fields.pop("problem"),
                "verdict": fields.pop("verdict"),
                "score": fields.pop("score"),
                "passed": graded.passed,
                **fields,
            }
        )
    return {
        "schema": SCHEMA_VERSION,
        "kind": "grading",
        "judge_version": __version__,
        "seed": grading.seed,
        "pass_rule": grading.rule.describe(),
        "pass_score": grading.rule.min_score,
        "sandbox": {
            "kind": grading.sandbox.kind,
            "image_id": grading.sandbox.image_id,
            "notice": grading.sandbox.notice,
        },
        "exit_code": grading.exit_code,
        "elapsed_s": grading.elapsed_s,
        "candidates": [
            {"candidate": t.candidate, "problems": t.problems, "score": t.score, "passed": t.passed}
            for t in totals(grading)
        ],
        "results": results,
    }


def strip_timings(value: Any) -> Any:
    """A JSON document without `TIMING_FIELDS`: what two gradings must agree on exactly."""
    if isinstance(value, dict):
        return {k: strip_timings(v) for k, v in value.items() if k not in TIMING_FIELDS}
    if isinstance(value, list):
        return [strip_timings(item) for item in value]
    return value

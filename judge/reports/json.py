"""The stable JSON form of a Report (`judge run --json`, grading outputs).

Schema version 1; fields are documented in the README. Additions keep the version; a
renamed or removed field bumps it.
"""

from __future__ import annotations

import json
from typing import Any

from judge.core.verdict import CaseResult, GroupResult, Report

SCHEMA_VERSION = 1


def case_to_dict(case: CaseResult) -> dict[str, Any]:
    return {
        "group": case.group.value,
        "index": case.index,
        "verdict": case.verdict.value,
        "time_ms": case.time_ms,
        "wall_ms": case.wall_ms,
        "memory_mb": case.memory_mib,
        "message": case.message,
        "input": case.input,
        "expected": case.expected,
        "got": case.got,
        "shrunk": case.shrunk,
    }


def group_to_dict(group: GroupResult) -> dict[str, Any]:
    return {
        "group": group.group.value,
        "verdict": group.verdict.value,
        "weight": group.weight,
        "score": group.score,
        "cases": len(group.cases),
        "passed": sum(case.verdict.accepted for case in group.cases),
        "max_time_ms": group.max_time_ms,
        "max_memory_mb": group.max_memory_mib,
        "time_limit_s": group.time_limit_s,
        "time_limit_note": group.time_limit_note,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """Everything but the schema field, so grading can embed it per candidate."""
    return {
        "problem": report.problem,
        "submission": report.submission,
        "verdict": report.verdict.value,
        "verdict_title": report.verdict.label,
        "score": report.score,
        "message": report.message,
        "seed": report.seed,
        "sandbox": {
            "kind": report.sandbox.kind,
            "image_id": report.sandbox.image_id,
            "notice": report.sandbox.notice,
        },
        "limits": {
            "time_s": report.limits.time_s,
            "memory_mb": report.limits.memory_mib,
            "output_kib": report.limits.output_kib,
            "message_mib": report.limits.message_mib,
        },
        "judge_version": report.judge_version,
        "elapsed_s": report.elapsed_s,
        "notes": list(report.notes),
        "debug": report.debug,
        "groups": [group_to_dict(group) for group in report.groups],
        "cases": [case_to_dict(case) for case in report.cases],
    }


def render(report: Report) -> str:
    return json.dumps({"schema": SCHEMA_VERSION, **report_to_dict(report)}, indent=2)

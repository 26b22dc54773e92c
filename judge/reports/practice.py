"""JSON forms of practice sets and stats (`judge practice ... --json`, `judge stats --json`).

Schema 1: additions keep the version, renames bump it.
"""

from __future__ import annotations

from typing import Any

from judge.practice.encounters import Progress
from judge.practice.records import Attempt
from judge.practice.stats import Stats, StatsRow

JSON_SCHEMA = 1


def attempt_to_dict(attempt: Attempt) -> dict[str, Any]:
    return {
        "submitted_at": attempt.submitted_at.isoformat(),
        "elapsed_s": attempt.elapsed_s,
        "late": attempt.late,
        "verdict": attempt.verdict.value,
        "score": attempt.score,
        "cases_passed": attempt.cases_passed,
        "cases_total": attempt.cases_total,
        "runtime_ms": attempt.runtime_ms,
        "submission": attempt.submission,
        "sandbox": attempt.sandbox,
    }


def progress_to_dict(state: Progress) -> dict[str, Any]:
    practice_set = state.practice_set
    return {
        "schema": JSON_SCHEMA,
        "set": {
            "id": practice_set.id,
            "started_at": practice_set.started_at.isoformat(),
            "deadline": practice_set.deadline.isoformat(),
            "finished_at": practice_set.finished_at and practice_set.finished_at.isoformat(),
            "minutes": round(practice_set.minutes, 2),
            "workspace": str(practice_set.workspace),
            "problems_dir": str(practice_set.problems_dir),
            "seed": practice_set.seed,
            "uniform": practice_set.uniform,
        },
        "now": state.now.isoformat(),
        "time_left_s": round(state.time_left_s, 1),
        "solved": state.solved_on_time,
        "solved_late": state.solved_late,
        "score": state.score,
        "problems": [
            {
                "slug": e.problem.slug,
                "title": e.problem.title,
                "difficulty": e.problem.difficulty,
                "category": e.problem.category,
                "skills": list(e.problem.skills),
                "suggested_minutes": e.problem.suggested_minutes,
                "statement": str(e.problem.statement_file),
                "starter": str(e.problem.starter_file),
                "solved": e.solved,
                "solved_on_time": e.solved_on_time,
                "best_score": e.best_score,
                "solve_s": e.solve_s,
                "attempts": [attempt_to_dict(attempt) for attempt in e.attempts],
            }
            for e in state.encounters
        ],
    }


def _row_dict(row: StatsRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "drawn": row.drawn,
        "tried": row.tried,
        "attempts": row.attempts,
        "solved": row.solved,
        "first_try_rate": row.first_try_rate,
        "median_solve_s": row.median_solve_s,
    }


def stats_to_dict(stats: Stats) -> dict[str, Any]:
    return {
        "schema": JSON_SCHEMA,
        "sets": stats.sets,
        "attempts": stats.attempts,
        "skills": [_row_dict(row) for row in stats.skills],
        "categories": [_row_dict(row) for row in stats.categories],
        "problems": [
            {
                "slug": row.slug,
                "title": row.title,
                "drawn": row.drawn,
                "attempts": row.attempts,
                "best_score": row.best_score,
                "last_verdict": row.last_verdict.value if row.last_verdict else None,
                "solve_s": row.solve_s,
            }
            for row in stats.problems
        ],
        "review": [
            {
                "slug": item.slug,
                "title": item.title,
                "standing": item.standing.name.lower(),
                "weight": int(item.standing),
                "reason": item.reason,
                "last_drawn": item.last_drawn.isoformat(),
            }
            for item in stats.review
        ],
    }

"""Practice history in SQLite: sets, the problems drawn for them, and every judged attempt.

The database lives in the user's data directory (platformdirs), or where `--db` or
$JUDGE_DB says. It is the only state practice keeps, so `status` and `submit` work from
another terminal or after a reboot. This module turns rows into records
(`judge.practice.records`) and back, by column name both ways; the file itself (WAL,
`synchronous=FULL`, `BEGIN IMMEDIATE` per write, versioned migrations) is `schema`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import platformdirs

from judge.core.errors import JudgeError, UsageError
from judge.core.verdict import Verdict
from judge.practice import schema
from judge.practice.records import Attempt, GroupOutcome, NewSet, PracticeSet, SetProblem

DB_ENV = "JUDGE_DB"


def default_db_path() -> Path:
    """$JUDGE_DB, else history.sqlite3 in the user's data directory."""
    explicit = os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_data_dir("judge")) / "history.sqlite3"


def open_history(path: Path | None = None) -> History:
    """The history at `--db PATH`, else $JUDGE_DB, else the user's data directory."""
    return History(path or default_db_path())


class History:
    """One open history database. Use as a context manager: the connection is closed on exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = schema.connect(path)

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @property
    def schema_version(self) -> int:
        return schema.schema_version(self._db)

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """All or nothing: committed on success, rolled back on any exception or Ctrl-C."""
        return schema.transaction(self._db, self.path)

    # --- sets ---------------------------------------------------------------------------

    def create_set(self, new: NewSet) -> PracticeSet:
        """Record a set and its problems; UsageError if another set is still running."""
        try:
            with self.transaction() as db:
                set_id = _insert(db, "practice_set", _set_row(new))
                _insert_all(db, "set_problem", [_problem_row(set_id, p) for p in new.problems])
        except sqlite3.IntegrityError as error:
            if "one_active_set" in str(error):
                raise UsageError(
                    "a practice set is already running: `judge practice finish` it first"
                ) from None
            raise JudgeError(f"history database: {error}") from None
        found = self.get_set(set_id)
        assert found is not None  # just committed
        return found

    def finish_set(self, set_id: int, at: datetime) -> PracticeSet:
        with self.transaction() as db:
            db.execute(
                "UPDATE practice_set SET finished_at = :finished_at"
                " WHERE id = :id AND finished_at IS NULL",
                {"finished_at": _stamp(at), "id": set_id},
            )
        found = self.get_set(set_id)
        assert found is not None
        return found

    def active_set(self) -> PracticeSet | None:
        row = self._db.execute(
            "SELECT id FROM practice_set WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else self.get_set(int(row["id"]))

    def get_set(self, set_id: int) -> PracticeSet | None:
        sets = self._sets("WHERE id = :set_id", {"set_id": set_id})
        return sets[0] if sets else None

    def all_sets(self) -> tuple[PracticeSet, ...]:
        """Every set, oldest first."""
        return self._sets("", {})

    def _sets(self, where: str, args: Mapping[str, Any]) -> tuple[PracticeSet, ...]:
        rows = self._db.execute(
            "SELECT id, started_at, deadline, finished_at, workspace, problems_dir, seed,"
            f" uniform FROM practice_set {where} ORDER BY started_at, id",
            args,
        ).fetchall()
        problems: dict[int, list[SetProblem]] = {}
        for row in self._db.execute(
            "SELECT set_id, position, slug, title, difficulty, category, skills,"
            " suggested_minutes, statement_file, starter_file FROM set_problem"
            f" WHERE set_id IN (SELECT id FROM practice_set {where}) ORDER BY set_id, position",
            args,
        ):
            problems.setdefault(row["set_id"], []).append(_set_problem(row))
        return tuple(_practice_set(row, problems.get(row["id"], ())) for row in rows)

    # --- attempts -----------------------------------------------------------------------

    def record_attempt(self, attempt: Attempt) -> None:
        """The attempt and its group rows, in one transaction: both or neither."""
        with self.transaction() as db:
            attempt_id = _insert(db, "attempt", _attempt_row(attempt))
            _insert_all(db, "attempt_group", _group_rows(attempt_id, attempt.groups))

    def attempts(self, set_id: int | None = None) -> tuple[Attempt, ...]:
        """Attempts of one set, or of all sets, in the order they were submitted."""
        where, args = "", {}
        if set_id is not None:
            where, args = "WHERE set_id = :set_id", {"set_id": set_id}
        groups: dict[int, list[GroupOutcome]] = {}
        for row in self._db.execute(
            "SELECT attempt_id, grp, verdict, passed, total, score, max_time_ms FROM"
            f" attempt_group WHERE attempt_id IN (SELECT id FROM attempt {where})"
            " ORDER BY attempt_id, rowid",
            args,
        ):
            groups.setdefault(row["attempt_id"], []).append(_group_outcome(row))
        rows = self._db.execute(
            "SELECT id, set_id, slug, submitted_at, elapsed_s, late, verdict, score,"
            " cases_passed, cases_total, runtime_ms, submission, sandbox, judge_version"
            f" FROM attempt {where} ORDER BY submitted_at, id",
            args,
        ).fetchall()
        return tuple(_attempt(row, groups.get(row["id"], ())) for row in rows)


# --- records to rows --------------------------------------------------------------------


def _insert(db: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> int:
    """INSERT one row (column name to value) into `table`; its rowid."""
    cursor = db.execute(_insert_statement(table, row), row)
    return int(cursor.lastrowid or 0)


def _insert_all(db: sqlite3.Connection, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT rows that all have the same columns into `table`."""
    if rows:
        db.executemany(_insert_statement(table, rows[0]), rows)


def _insert_statement(table: str, row: Mapping[str, Any]) -> str:
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES (:{', :'.join(row)})"


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history stores timezone-aware datetimes only")
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _set_row(new: NewSet) -> dict[str, Any]:
    return {
        "started_at": _stamp(new.started_at),
        "deadline": _stamp(new.deadline),
        "workspace": str(new.workspace),
        "problems_dir": str(new.problems_dir),
        "seed": new.seed,
        "uniform": int(new.uniform),
    }


def _problem_row(set_id: int, problem: SetProblem) -> dict[str, Any]:
    return {
        "set_id": set_id,
        "position": problem.position,
        "slug": problem.slug,
        "title": problem.title,
        "difficulty": problem.difficulty,
        "category": problem.category,
        "skills": json.dumps(list(problem.skills)),
        "suggested_minutes": problem.suggested_minutes,
        "statement_file": str(problem.statement_file),
        "starter_file": str(problem.starter_file),
    }


def _attempt_row(attempt: Attempt) -> dict[str, Any]:
    return {
        "set_id": attempt.set_id,
        "slug": attempt.slug,
        "submitted_at": _stamp(attempt.submitted_at),
        "elapsed_s": attempt.elapsed_s,
        "late": int(attempt.late),
        "verdict": attempt.verdict.value,
        "score": attempt.score,
        "cases_passed": attempt.cases_passed,
        "cases_total": attempt.cases_total,
        "runtime_ms": attempt.runtime_ms,
        "submission": attempt.submission,
        "sandbox": attempt.sandbox,
        "judge_version": attempt.judge_version,
    }


def _group_rows(attempt_id: int, groups: tuple[GroupOutcome, ...]) -> list[dict[str, Any]]:
    return [
        {
            "attempt_id": attempt_id,
            "grp": group.group,
            "verdict": group.verdict.value,
            "passed": group.passed,
            "total": group.total,
            "score": group.score,
            "max_time_ms": group.max_time_ms,
        }
        for group in groups
    ]


# --- rows to records --------------------------------------------------------------------


def _set_problem(row: sqlite3.Row) -> SetProblem:
    return SetProblem(
        position=row["position"],
        slug=row["slug"],
        title=row["title"],
        difficulty=row["difficulty"],
        category=row["category"],
        skills=tuple(json.loads(row["skills"])),
        suggested_minutes=row["suggested_minutes"],
        statement_file=Path(row["statement_file"]),
        starter_file=Path(row["starter_file"]),
    )


def _practice_set(row: sqlite3.Row, problems: Sequence[SetProblem]) -> PracticeSet:
    finished_at = row["finished_at"]  # NULL while the set runs
    return PracticeSet(
        id=row["id"],
        started_at=datetime.fromisoformat(row["started_at"]),
        deadline=datetime.fromisoformat(row["deadline"]),
        finished_at=None if finished_at is None else datetime.fromisoformat(finished_at),
        workspace=Path(row["workspace"]),
        problems_dir=Path(row["problems_dir"]),
        seed=row["seed"],
        uniform=bool(row["uniform"]),
        problems=tuple(problems),
    )


def _group_outcome(row: sqlite3.Row) -> GroupOutcome:
    return GroupOutcome(
        group=row["grp"],
        verdict=Verdict(row["verdict"]),
        passed=row["passed"],
        total=row["total"],
        score=row["score"],
        max_time_ms=row["max_time_ms"],
    )


def _attempt(row: sqlite3.Row, groups: Sequence[GroupOutcome]) -> Attempt:
    return Attempt(
        set_id=row["set_id"],
        slug=row["slug"],
        submitted_at=datetime.fromisoformat(row["submitted_at"]),
        elapsed_s=row["elapsed_s"],
        late=bool(row["late"]),
        verdict=Verdict(row["verdict"]),
        score=row["score"],
        cases_passed=row["cases_passed"],
        cases_total=row["cases_total"],
        runtime_ms=row["runtime_ms"],
        submission=row["submission"],
        sandbox=row["sandbox"],
        judge_version=row["judge_version"],
        groups=tuple(groups),
    )

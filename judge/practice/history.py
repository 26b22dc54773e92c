"""Practice history in SQLite: sets, the problems drawn for them, and every judged attempt.

The database lives in the user's data directory (platformdirs), or where `--db` or
$JUDGE_DB says. It is the only state practice keeps, so `status` and `submit` work from
another terminal or after a reboot.

Why it cannot lose or half-write an attempt:
- every write runs in one `BEGIN IMMEDIATE … COMMIT`, rolled back on any exception,
  KeyboardInterrupt included; an attempt and its per-group rows commit together or not at all;
- an attempt is written only after judging has finished, so an interrupted judgement leaves
  no row at all;
- WAL journal with `synchronous=FULL`: a crash or power loss keeps every committed
  transaction, and readers in another terminal never block the writer.

The schema is versioned with `PRAGMA user_version`; `MIGRATIONS[n]` takes a database from
version n to n + 1, inside one transaction with the version bump. A database written by a
newer judge is refused rather than guessed at.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import platformdirs

from judge.core.errors import JudgeError, UsageError
from judge.core.verdict import Verdict

DB_ENV = "JUDGE_DB"
BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another terminal's transaction (they are milliseconds long)."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 → 1: sets, their problems (a snapshot of the metadata stats group by), attempts.
    (
        """CREATE TABLE practice_set (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            deadline TEXT NOT NULL,
            finished_at TEXT,
            workspace TEXT NOT NULL,
            problems_dir TEXT NOT NULL,
            seed INTEGER NOT NULL,
            uniform INTEGER NOT NULL CHECK (uniform IN (0, 1))
        )""",
        # At most one unfinished set, even when two terminals start one at the same moment.
        """CREATE UNIQUE INDEX one_active_set ON practice_set (finished_at IS NULL)
            WHERE finished_at IS NULL""",
        """CREATE TABLE set_problem (
            set_id INTEGER NOT NULL REFERENCES practice_set (id),
            position INTEGER NOT NULL,
            slug TEXT NOT NULL,
            title TEXT NOT NULL,
            difficulty TEXT NOT NULL,
            category TEXT NOT NULL,
            skills TEXT NOT NULL,
            suggested_minutes INTEGER NOT NULL,
            statement_file TEXT NOT NULL,
            starter_file TEXT NOT NULL,
            PRIMARY KEY (set_id, position),
            UNIQUE (set_id, slug)
        )""",
        """CREATE TABLE attempt (
            id INTEGER PRIMARY KEY,
            set_id INTEGER NOT NULL,
            slug TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            elapsed_s REAL NOT NULL,
            late INTEGER NOT NULL CHECK (late IN (0, 1)),
            verdict TEXT NOT NULL,
            score REAL NOT NULL,
            cases_passed INTEGER NOT NULL,
            cases_total INTEGER NOT NULL,
            runtime_ms REAL,
            submission TEXT NOT NULL,
            FOREIGN KEY (set_id, slug) REFERENCES set_problem (set_id, slug)
        )""",
        "CREATE INDEX attempt_by_set ON attempt (set_id, submitted_at)",
    ),
    # 1 → 2: which sandbox and judge version judged an attempt, and its per-group outcome,
    # so an old attempt can be read against the judge that made it. Old rows say 'unknown'.
    (
        "ALTER TABLE attempt ADD COLUMN sandbox TEXT NOT NULL DEFAULT 'unknown'",
        "ALTER TABLE attempt ADD COLUMN judge_version TEXT NOT NULL DEFAULT 'unknown'",
        """CREATE TABLE attempt_group (
            attempt_id INTEGER NOT NULL REFERENCES attempt (id),
            grp TEXT NOT NULL,
            verdict TEXT NOT NULL,
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            score REAL NOT NULL,
            max_time_ms REAL,
            PRIMARY KEY (attempt_id, grp)
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_db_path() -> Path:
    """$JUDGE_DB, else history.sqlite3 in the user's data directory."""
    explicit = os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_data_dir("judge")) / "history.sqlite3"


@dataclass(frozen=True)
class SetProblem:
    """A problem as drawn into a set: the metadata stats need, frozen at drawing time."""

    position: int
    slug: str
    title: str
    difficulty: str
    category: str
    skills: tuple[str, ...]
    suggested_minutes: int
    statement_file: Path
    starter_file: Path


@dataclass(frozen=True)
class NewSet:
    started_at: datetime
    deadline: datetime
    workspace: Path
    problems_dir: Path
    seed: int
    uniform: bool
    problems: tuple[SetProblem, ...]


@dataclass(frozen=True)
class PracticeSet(NewSet):
    id: int
    finished_at: datetime | None

    @property
    def minutes(self) -> float:
        return (self.deadline - self.started_at).total_seconds() / 60

    @property
    def active(self) -> bool:
        return self.finished_at is None

    def problem(self, slug: str) -> SetProblem | None:
        return next((problem for problem in self.problems if problem.slug == slug), None)


@dataclass(frozen=True)
class GroupOutcome:
    group: str
    verdict: Verdict
    passed: int
    total: int
    score: float
    max_time_ms: float | None


@dataclass(frozen=True)
class Attempt:
    """One judged submission in a set. `elapsed_s` counts from the set's start."""

    set_id: int
    slug: str
    submitted_at: datetime
    elapsed_s: float
    late: bool
    verdict: Verdict
    score: float
    cases_passed: int
    cases_total: int
    runtime_ms: float | None
    """The slowest case's time: what the submission cost at its worst."""
    submission: str
    sandbox: str
    judge_version: str
    groups: tuple[GroupOutcome, ...] = ()


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history stores timezone-aware datetimes only")
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


class History:
    """One open history database. Use as a context manager: the connection is closed on exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit transactions; `_transaction` says where they are.
            self._db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as error:
            raise UsageError(f"cannot open the history database {path}: {error}") from None
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise UsageError(f"{path} is not a usable history database: {error}") from None
        except BaseException:
            self._db.close()
            raise

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: committed on success, rolled back on any exception or Ctrl-C."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:  # locked past the busy timeout, read-only
            raise JudgeError(f"history database {self.path}: {error}") from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise UsageError(
                f"{self.path} has history schema {version}, newer than this judge knows "
                f"({SCHEMA_VERSION}): upgrade judge, or use another --db"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            try:
                with self.transaction() as db:
                    for statement in MIGRATIONS[target - 1]:
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {target}")
            except sqlite3.Error as error:
                raise JudgeError(
                    f"migrating {self.path} to history schema {target} failed ({error}); "
                    f"it is left unchanged at schema {target - 1}"
                ) from None

    # --- sets ---------------------------------------------------------------------------

    def create_set(self, new: NewSet) -> PracticeSet:
        """Record a set and its problems; UsageError if another set is still running."""
        try:
            with self.transaction() as db:
                cursor = db.execute(
                    "INSERT INTO practice_set (started_at, deadline, workspace, problems_dir,"
                    " seed, uniform) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        _stamp(new.started_at),
                        _stamp(new.deadline),
                        str(new.workspace),
                        str(new.problems_dir),
                        new.seed,
                        int(new.uniform),
                    ),
                )
                set_id = int(cursor.lastrowid or 0)
                db.executemany(
                    "INSERT INTO set_problem VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            set_id,
                            problem.position,
                            problem.slug,
                            problem.title,
                            problem.difficulty,
                            problem.category,
                            json.dumps(list(problem.skills)),
                            problem.suggested_minutes,
                            str(problem.statement_file),
                            str(problem.starter_file),
                        )
                        for problem in new.problems
                    ],
                )
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
                "UPDATE practice_set SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                (_stamp(at), set_id),
            )
        found = self.get_set(set_id)
        assert found is not None
        return found

    def active_set(self) -> PracticeSet | None:
        row = self._db.execute(
            "SELECT id FROM practice_set WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else self.get_set(int(row[0]))

    def get_set(self, set_id: int) -> PracticeSet | None:
        sets = self._sets("WHERE id = ?", (set_id,))
        return sets[0] if sets else None

    def all_sets(self) -> tuple[PracticeSet, ...]:
        """Every set, oldest first."""
        return self._sets("", ())

    def _sets(self, where: str, args: tuple[Any, ...]) -> tuple[PracticeSet, ...]:
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
            problems.setdefault(row[0], []).append(
                SetProblem(
                    position=row[1],
                    slug=row[2],
                    title=row[3],
                    difficulty=row[4],
                    category=row[5],
                    skills=tuple(json.loads(row[6])),
                    suggested_minutes=row[7],
                    statement_file=Path(row[8]),
                    starter_file=Path(row[9]),
                )
            )
        return tuple(
            PracticeSet(
                id=row[0],
                started_at=_instant(row[1]),
                deadline=_instant(row[2]),
                finished_at=None if row[3] is None else _instant(row[3]),
                workspace=Path(row[4]),
                problems_dir=Path(row[5]),
                seed=row[6],
                uniform=bool(row[7]),
                problems=tuple(problems.get(row[0], ())),
            )
            for row in rows
        )

    # --- attempts -----------------------------------------------------------------------

    def record_attempt(self, attempt: Attempt) -> None:
        """The attempt and its group rows, in one transaction: both or neither."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO attempt (set_id, slug, submitted_at, elapsed_s, late, verdict,"
                " score, cases_passed, cases_total, runtime_ms, submission, sandbox,"
                " judge_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attempt.set_id,
                    attempt.slug,
                    _stamp(attempt.submitted_at),
                    attempt.elapsed_s,
                    int(attempt.late),
                    attempt.verdict.value,
                    attempt.score,
                    attempt.cases_passed,
                    attempt.cases_total,
                    attempt.runtime_ms,
                    attempt.submission,
                    attempt.sandbox,
                    attempt.judge_version,
                ),
            )
            db.executemany(
                "INSERT INTO attempt_group VALUES (?, ?, ?, ?, ?, ?, ?)",
                _group_rows(int(cursor.lastrowid or 0), attempt.groups),
            )

    def attempts(self, set_id: int | None = None) -> tuple[Attempt, ...]:
        """Attempts of one set, or of all sets, in the order they were submitted."""
        where, args = ("WHERE set_id = ?", (set_id,)) if set_id is not None else ("", ())
        groups: dict[int, list[GroupOutcome]] = {}
        for row in self._db.execute(
            "SELECT attempt_id, grp, verdict, passed, total, score, max_time_ms FROM"
            f" attempt_group WHERE attempt_id IN (SELECT id FROM attempt {where})"
            " ORDER BY attempt_id, rowid",
            args,
        ):
            groups.setdefault(row[0], []).append(
                GroupOutcome(row[1], Verdict(row[2]), row[3], row[4], row[5], row[6])
            )
        rows = self._db.execute(
            "SELECT id, set_id, slug, submitted_at, elapsed_s, late, verdict, score,"
            " cases_passed, cases_total, runtime_ms, submission, sandbox, judge_version"
            f" FROM attempt {where} ORDER BY submitted_at, id",
            args,
        ).fetchall()
        return tuple(
            Attempt(
                set_id=row[1],
                slug=row[2],
                submitted_at=_instant(row[3]),
                elapsed_s=row[4],
                late=bool(row[5]),
                verdict=Verdict(row[6]),
                score=row[7],
                cases_passed=row[8],
                cases_total=row[9],
                runtime_ms=row[10],
                submission=row[11],
                sandbox=row[12],
                judge_version=row[13],
                groups=tuple(groups.get(row[0], ())),
            )
            for row in rows
        )


def _group_rows(attempt_id: int, groups: tuple[GroupOutcome, ...]) -> list[tuple[Any, ...]]:
    return [
        (
            attempt_id,
            group.group,
            group.verdict.value,
            group.passed,
            group.total,
            group.score,
            group.max_time_ms,
        )
        for group in groups
    ]


def open_history(path: Path | None = None) -> History:
    """The history at `--db PATH`, else $JUDGE_DB, else the user's data directory."""
    return History(path or default_db_path())

"""The history database file: connecting, transactions, and the versioned schema.

Why it cannot lose or half-write an attempt:
- every write runs in one `BEGIN IMMEDIATE … COMMIT` (`transaction`), rolled back on any
  exception, KeyboardInterrupt included; an attempt and its per-group rows commit together
  or not at all;
- an attempt is written only after judging has finished, so an interrupted judgement leaves
  no row at all;
- WAL journal with `synchronous=FULL`: a crash or power loss keeps every committed
  transaction, and readers in another terminal never block the writer.

The schema is versioned with `PRAGMA user_version`; `MIGRATIONS[n]` takes a database from
version n to n + 1, inside one transaction with the version bump. A database written by a
newer judge is refused rather than guessed at. Rows come back as `sqlite3.Row`, read by
column name, so a migration that adds columns cannot shift what a reader sees.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from judge.core.errors import JudgeError, UsageError

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


def connect(path: Path) -> sqlite3.Connection:
    """The database at `path`, created or migrated to `SCHEMA_VERSION`, rows by name.

    UsageError when it cannot be opened or is not a history database (or a newer one)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: no implicit transactions; `transaction` says where they are.
        db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as error:
        raise UsageError(f"cannot open the history database {path}: {error}") from None
    db.row_factory = sqlite3.Row
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db, path)
    except sqlite3.DatabaseError as error:
        db.close()
        raise UsageError(f"{path} is not a usable history database: {error}") from None
    except BaseException:
        db.close()
        raise
    return db


def schema_version(db: sqlite3.Connection) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row["user_version"])


@contextmanager
def transaction(db: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """All or nothing: committed on success, rolled back on any exception or Ctrl-C."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:  # locked past the busy timeout, read-only
        raise JudgeError(f"history database {path}: {error}") from None
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Apply `MIGRATIONS` from the database's version on, one transaction per version."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise UsageError(
            f"{path} has history schema {version}, newer than this judge knows "
            f"({SCHEMA_VERSION}): upgrade judge, or use another --db"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        try:
            with transaction(db, path):
                for statement in MIGRATIONS[target - 1]:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")
        except sqlite3.Error as error:
            raise JudgeError(
                f"migrating {path} to history schema {target} failed ({error}); "
                f"it is left unchanged at schema {target - 1}"
            ) from None

"""The practice history database: migrations, WAL, one running set, and no half-written rows."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import judge.practice.history
import judge.practice.schema
from judge.core.errors import JudgeError, UsageError
from judge.core.verdict import Verdict
from judge.practice.history import DB_ENV, History, default_db_path
from judge.practice.records import Attempt, GroupOutcome, NewSet, PracticeSet, SetProblem
from judge.practice.schema import MIGRATIONS, SCHEMA_VERSION

T0 = datetime(2030, 1, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def history(db: Path) -> Iterator[History]:
    with History(db) as opened:
        yield opened


def new_set(workspace: Path, slugs: tuple[str, ...] = ("add",), start: datetime = T0) -> NewSet:
    return NewSet(
        started_at=start,
        deadline=start + timedelta(minutes=30),
        workspace=workspace,
        problems_dir=workspace / "problems",
        seed=1,
        uniform=False,
        problems=tuple(
            SetProblem(
                position=index,
                slug=slug,
                title=slug.title(),
                difficulty="easy",
                category="must",
                skills=("warm-up", "arrays"),
                suggested_minutes=10,
                statement_file=workspace / f"{slug}.md",
                starter_file=workspace / f"{slug}.py",
            )
            for index, slug in enumerate(slugs, 1)
        ),
    )


def attempt(practice_set: PracticeSet, minutes: float, verdict: Verdict = Verdict.AC) -> Attempt:
    at = practice_set.started_at + timedelta(minutes=minutes)
    return Attempt(
        set_id=practice_set.id,
        slug=practice_set.problems[0].slug,
        submitted_at=at,
        elapsed_s=minutes * 60,
        late=at > practice_set.deadline,
        verdict=verdict,
        score=100.0 if verdict is Verdict.AC else 10.0,
        cases_passed=27,
        cases_total=28,
        runtime_ms=1.5,
        submission="/work/add.py",
        sandbox="process",
        judge_version="0.1.0",
        groups=(
            GroupOutcome("samples", Verdict.AC, 2, 2, 10.0, 0.1),
            GroupOutcome("properties", verdict, 24, 25, 0.0, None),
        ),
    )


def test_a_new_database_is_at_the_latest_schema_in_wal_mode(history: History, db: Path) -> None:
    assert history.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    with closing(sqlite3.connect(db)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_sets_and_attempts_round_trip(history: History, tmp_path: Path) -> None:
    created = history.create_set(new_set(tmp_path, ("add", "add-dp")))
    assert created.active and history.active_set() == created
    assert [problem.slug for problem in created.problems] == ["add", "add-dp"]
    assert created.started_at == T0 and created.minutes == 30
    recorded = attempt(created, 5, Verdict.WA)
    history.record_attempt(recorded)
    history.record_attempt(attempt(created, 45))
    found = history.attempts(created.id)
    assert found[0] == recorded and found[1].late
    finished = history.finish_set(created.id, T0 + timedelta(minutes=50))
    assert not finished.active and history.active_set() is None
    assert history.all_sets() == (finished,)


def test_one_running_set_even_from_two_connections(db: Path, tmp_path: Path) -> None:
    with History(db) as first, History(db) as second:
        running = first.create_set(new_set(tmp_path))
        with pytest.raises(UsageError, match="already running"):
            second.create_set(new_set(tmp_path, start=T0 + timedelta(hours=1)))
        assert second.active_set() == running  # a write from one is seen by the other
        second.finish_set(running.id, T0 + timedelta(minutes=10))
        assert first.create_set(new_set(tmp_path, start=T0 + timedelta(hours=2))).id == 2


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_a_failure_inside_the_write_leaves_no_half_attempt(
    history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    """The attempt row is inserted first; failing before its group rows rolls it back."""
    created = history.create_set(new_set(tmp_path))
    history.record_attempt(attempt(created, 1, Verdict.WA))

    def broken(*args: object) -> list[tuple[object, ...]]:
        raise failure

    monkeypatch.setattr(judge.practice.history, "_group_rows", broken)
    with pytest.raises(type(failure)):
        history.record_attempt(attempt(created, 2))
    monkeypatch.undo()
    assert [a.verdict for a in history.attempts()] == [Verdict.WA]  # the earlier one stays
    history.record_attempt(attempt(created, 3))  # and the database is still usable
    assert [a.verdict for a in history.attempts()] == [Verdict.WA, Verdict.AC]
    assert all(len(a.groups) == 2 for a in history.attempts())


def test_a_killed_process_mid_transaction_loses_nothing_committed(db: Path, tmp_path: Path) -> None:
    """A process dies (no cleanup at all) between the attempt row and its group rows."""
    with History(db) as history:
        created = history.create_set(new_set(tmp_path))
        history.record_attempt(attempt(created, 1, Verdict.WA))
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from judge.practice.history import History
        history = History(Path({str(db)!r}))
        with history.transaction() as conn:
            conn.execute(
                "INSERT INTO attempt (set_id, slug, submitted_at, elapsed_s, late, verdict,"
                " score, cases_passed, cases_total, submission)"
                " VALUES (1, 'add', '2030-01-01T09:02:00+00:00', 120, 0, 'AC', 100, 1, 1, 'x')"
            )
            os._exit(9)
        """
    )
    died = subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert died.returncode == 9
    with History(db) as history:
        assert [(a.verdict, a.elapsed_s) for a in history.attempts()] == [(Verdict.WA, 60.0)]
        assert history.active_set() is not None


def test_migrates_a_version_1_database_keeping_its_rows(db: Path, tmp_path: Path) -> None:
    with closing(sqlite3.connect(db)) as old:
        for statement in MIGRATIONS[0]:
            old.execute(statement)
        old.execute(
            "INSERT INTO practice_set VALUES (1, '2030-01-01T09:00:00+00:00',"
            " '2030-01-01T09:30:00+00:00', NULL, '/w', '/p', 5, 0)"
        )
        old.execute(
            "INSERT INTO set_problem VALUES (1, 1, 'add', 'Add', 'easy', 'must',"
            " '[\"warm-up\"]', 10, '/w/add.md', '/w/add.py')"
        )
        old.execute(
            "INSERT INTO attempt VALUES (1, 1, 'add', '2030-01-01T09:05:00+00:00', 300, 0,"
            " 'AC', 100, 28, 28, 1.25, '/w/add.py')"
        )
        old.execute("PRAGMA user_version = 1")
        old.commit()
    with History(db) as history:
        assert history.schema_version == SCHEMA_VERSION
        (kept,) = history.attempts()
        assert (kept.verdict, kept.elapsed_s, kept.runtime_ms) == (Verdict.AC, 300.0, 1.25)
        assert (kept.sandbox, kept.judge_version, kept.groups) == ("unknown", "unknown", ())
        running = history.active_set()
        assert running is not None and running.problems[0].skills == ("warm-up",)
        history.record_attempt(attempt(running, 7))  # the new columns and table work
        assert history.attempts()[1].groups[0].group == "samples"


def test_a_failed_migration_leaves_the_old_version(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = (*MIGRATIONS[:1], ("CREATE TABLE extra (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr(judge.practice.schema, "MIGRATIONS", broken)
    with pytest.raises(JudgeError, match="left unchanged at schema 1"):
        History(db)
    with closing(sqlite3.connect(db)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    assert "practice_set" in tables and "extra" not in tables


def test_a_database_from_a_newer_judge_is_refused(db: Path) -> None:
    with closing(sqlite3.connect(db)) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(UsageError, match="newer than this judge knows"):
        History(db)


def test_a_file_that_is_not_a_database_is_a_usage_error(db: Path) -> None:
    db.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(UsageError, match="not a usable history database"):
        History(db)


def test_naive_datetimes_are_refused(history: History, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        history.create_set(new_set(tmp_path, start=datetime(2030, 1, 1, 9, 0)))
    assert history.all_sets() == ()


def test_the_default_path_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "elsewhere.db"))
    assert default_db_path() == tmp_path / "elsewhere.db"
    monkeypatch.delenv(DB_ENV)
    assert default_db_path().name == "history.sqlite3"
    assert "judge" in default_db_path().parts

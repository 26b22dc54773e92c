"""What the page can ask of the judge, as plain data: the library behind `judge serve`.

No HTTP here (`api` maps requests to these methods), so tests call it directly. Problems are
looked up by slug in the catalogue loaded at start, never by a path from the client. The
history is the CLI's SQLite database, opened per call (a connection per request or job), so
a set started in the terminal shows on the page and the other way round.
"""

from __future__ import annotations

import enum
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from judge.core.atomic import write_atomically
from judge.core.catalog import Filters, metadata
from judge.core.engine import JudgeOptions, judge
from judge.core.entries.base import literal
from judge.core.errors import UsageError
from judge.core.problem import Category, Difficulty, Level, Problem
from judge.core.starter import signature, starter_file
from judge.core.watch import Watch
from judge.practice import sets
from judge.practice.clock import Clock
from judge.practice.encounters import encounters
from judge.practice.history import History, open_history
from judge.practice.records import Attempt, PracticeSet
from judge.practice.standing import Standing, standings
from judge.practice.stats import compute_stats
from judge.reports.json import report_to_dict
from judge.reports.practice import attempt_to_dict, progress_to_dict, stats_to_dict
from judge.sandbox import OpenedSandbox
from judge.web.jobs import JobFailed, Mode, Request

MAX_CODE_BYTES = 256 * 1024
"""A submission typed into the page: far more than any solution needs."""

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
"""Statements as HTML with raw HTML off: a package's text cannot put markup in the page."""


class NotFound(LookupError):
    """No such problem (or job) for the page."""


class StandingWord(str, enum.Enum):
    """How the problem list names a standing: one of three filters. Slow counts as solved;
    a problem never drawn into a set is unsolved."""

    UNSOLVED = "unsolved"
    FAILED = "failed"
    SOLVED = "solved"


def _standing_word(level: Standing | None) -> StandingWord:
    if level is Standing.FAILED_LAST:
        return StandingWord.FAILED
    if level in (Standing.SOLVED, Standing.SLOW_LAST):
        return StandingWord.SOLVED
    return StandingWord.UNSOLVED


class Service:
    def __init__(
        self,
        problems: Sequence[Problem],
        problems_dir: Path,
        opened: OpenedSandbox,
        db_path: Path | None,
        clock: Clock,
    ) -> None:
        self.problems = {problem.slug: problem for problem in problems}
        self.problems_dir = problems_dir
        self.opened = opened
        self.db_path = db_path
        self.clock = clock

    @contextmanager
    def history(self) -> Iterator[History]:
        with open_history(self.db_path) as history:
            yield history

    def problem(self, slug: str) -> Problem:
        found = self.problems.get(slug)
        if found is None:
            raise NotFound(f"no problem {slug!r} in the catalogue")
        return found

    # --- the catalogue and one problem -------------------------------------------------
    def catalogue(self) -> dict[str, Any]:
        with self.history() as history:
            found = standings(history.all_sets(), history.attempts())
        return {
            "problems": [
                {
                    **metadata(problem),
                    "standing": _standing_word(found[slug][0] if slug in found else None).value,
                }
                for slug, problem in self.problems.items()
            ],
            "sandbox": self.sandbox(),
        }

    def sandbox(self) -> dict[str, Any]:
        info = self.opened.info
        return {"kind": info.kind, "notice": info.notice}

    def problem_page(self, slug: str) -> dict[str, Any]:
        problem = self.problem(slug)
        limits = problem.limits
        with self.history() as history:
            running = history.active_set()
        drawn = running.problem(slug) if running else None
        saved = _read_text(drawn.starter_file) if drawn else None
        return {
            **metadata(problem),
            "complexity": problem.complexity,
            "statement_html": _markdown.render(problem.statement),
            "signature": signature(problem),
            "examples": [
                {
                    "input": {name: literal(value) for name, value in example.input.items()},
                    "output": literal(example.output),
                    "lines": problem.entry.example_lines(example.input, example.output),
                    "explanation": example.explanation,
                }
                for example in problem.examples
            ],
            "limits": {"time_s": limits.time_s, "memory_mib": limits.memory_mib},
            "starter": starter_file(problem),
            "in_set": drawn is not None,
            "saved": saved,
        }

    def attempts(self, slug: str) -> list[dict[str, Any]]:
        self.problem(slug)
        with self.history() as history:
            found = [attempt for attempt in history.attempts() if attempt.slug == slug]
        return [{**attempt_to_dict(a), "set_id": a.set_id} for a in reversed(found)]

    # --- judging (a job's work, on the worker thread) ----------------------------------
    def judge(self, request: Request, watch: Watch) -> dict[str, Any]:
        problem = self.problem(request.slug)
        if len(request.code.encode("utf-8")) > MAX_CODE_BYTES:
            raise JobFailed(f"the code is over {MAX_CODE_BYTES // 1024} KiB")
        options = JudgeOptions(samples_only=request.mode is Mode.RUN)
        with self.history() as history:
            running = history.active_set()
            drawn = running.problem(request.slug) if running else None
            if drawn is not None:
                write_atomically(drawn.starter_file, request.code)  # the set's workspace file
            if drawn is not None and request.mode is Mode.SUBMIT:
                try:
                    submitted = sets.submit(
                        history,
                        request.slug,
                        drawn.starter_file,
                        self.opened,
                        self.clock,
                        problems_dir=self.problems_dir,
                        judge_with=lambda p, f, o, opts: judge(p, f, o, opts, watch),
                    )
                except UsageError as error:
                    raise JobFailed(str(error)) from None
                return {
                    "report": report_to_dict(submitted.report),
                    "recorded": submitted.attempt is not None,
                }
        with tempfile.TemporaryDirectory(prefix="judge-serve-") as folder:
            path = Path(folder) / "solution.py"
            path.write_text(request.code, encoding="utf-8")
            report = judge(problem, path, self.opened, options, watch)
        return {"report": report_to_dict(report), "recorded": False}

    def save(self, slug: str, code: str) -> bool:
        """Write the running set's workspace file for SLUG; False when it is not in the set."""
        self.problem(slug)
        if len(code.encode("utf-8")) > MAX_CODE_BYTES:
            raise UsageError(f"the code is over {MAX_CODE_BYTES // 1024} KiB")
        with self.history() as history:
            running = history.active_set()
        drawn = running.problem(slug) if running else None
        if drawn is None:
            return False
        write_atomically(drawn.starter_file, code)
        return True

    # --- practice sets -----------------------------------------------------------------
    def current_set(self) -> dict[str, Any] | None:
        with self.history() as history:
            running = history.active_set()
            if running is None:
                return None
            return progress_to_dict(sets.progress(history, running, self.clock))

    def start_set(self, fields: dict[str, Any]) -> dict[str, Any]:
        request = sets.StartRequest(
            filters=_filters(fields),
            count=_integer(fields, "count", sets.DEFAULT_COUNT, 1, 50),
            minutes=_integer(fields, "minutes", None, 1, 24 * 60),
            uniform=bool(fields.get("uniform", False)),
        )
        with self.history() as history:
            started = sets.start_set(
                history, list(self.problems.values()), self.problems_dir, request, self.clock
            )
            return progress_to_dict(sets.progress(history, started, self.clock))

    def finish_set(self) -> dict[str, Any]:
        with self.history() as history:
            return progress_to_dict(sets.finish(history, self.clock))

    # --- progress ----------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        with self.history() as history:
            found = compute_stats(history)
            every = history.all_sets()
            attempts = history.attempts()
        return {
            **stats_to_dict(found),
            "timeline": [_set_point(practice_set, attempts) for practice_set in every],
        }


def _set_point(practice_set: PracticeSet, attempts: Sequence[Attempt]) -> dict[str, Any]:
    """One set as a point of the progress plots: when, solved in time, score."""
    found = encounters(practice_set, attempts)
    scores = [encounter.best_score for encounter in found]
    return {
        "set_id": practice_set.id,
        "started_at": practice_set.started_at.isoformat(),
        "finished": not practice_set.active,
        "problems": len(found),
        "solved": sum(encounter.solved_on_time for encounter in found),
        "score": round(sum(scores) / len(scores), 1) if scores else 0.0,
    }


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _filters(fields: dict[str, Any]) -> Filters:
    def words(name: str) -> list[str]:
        value = fields.get(name) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise UsageError(f"{name} must be a list of words")
        return value

    try:
        return Filters(
            tags=tuple(words("tags")),
            levels=tuple(Level(word) for word in words("levels")),
            categories=tuple(Category(word) for word in words("categories")),
            difficulties=tuple(Difficulty(word) for word in words("difficulties")),
        )
    except ValueError as error:
        raise UsageError(str(error)) from None


def _integer(fields: dict[str, Any], name: str, default: Any, low: int, high: int) -> Any:
    value = fields.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise UsageError(f"{name} must be a whole number from {low} to {high}")
    return value

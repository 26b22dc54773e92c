"""Finding problems: by folder path or by slug in the problems folder, and filtering them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.core.errors import ProblemError, UsageError
from judge.core.problem import Category, Difficulty, Level, Problem, load_problem

PROBLEMS_ENV = "JUDGE_PROBLEMS"


def problems_folder(explicit: Path | None = None) -> Path:
    """`explicit`, else $JUDGE_PROBLEMS, else ./problems.

    The CLI's `--problems` option reads $JUDGE_PROBLEMS itself (click's `envvar`, shown in
    `--help`) and passes it as `explicit`; the fallback here serves library callers."""
    return Path(explicit or os.environ.get(PROBLEMS_ENV) or "problems")


def resolve(name: str | Path, folder: Path | None = None) -> Problem:
    """A problem from a package folder, or from a slug looked up in the problems folder (a
    folder that merely shares the slug's name does not shadow the slug)."""
    path = Path(name)
    candidate = problems_folder(folder) / str(name)
    if (path / "problem.yaml").is_file() or (path.is_dir() and not candidate.is_dir()):
        return load_problem(path)
    if candidate.is_dir():
        return load_problem(candidate)
    raise UsageError(
        f"no problem {str(name)!r}: not a folder, and not a slug in {problems_folder(folder)}/"
    )


def all_problems(
    folder: Path | None = None, on_error: Callable[[ProblemError], None] | None = None
) -> list[Problem]:
    """Every package in the problems folder. A broken one raises, unless `on_error` is
    given: then it is reported there and skipped, so one bad package hides only itself."""
    root = problems_folder(folder)
    if not root.is_dir():
        raise UsageError(f"no problems folder at {root} (use --problems DIR or ${PROBLEMS_ENV})")
    problems = []
    for path in sorted(root.iterdir()):
        if (path / "problem.yaml").is_file():
            try:
                problems.append(load_problem(path))
            except ProblemError as error:
                if on_error is None:
                    raise
                on_error(error)
    return problems


@dataclass(frozen=True)
class Filters:
    """What `judge list` and `judge practice start` select on; empty means any."""

    tags: tuple[str, ...] = ()
    levels: tuple[Level, ...] = ()
    categories: tuple[Category, ...] = ()
    difficulties: tuple[Difficulty, ...] = ()

    def matches(self, problem: Problem) -> bool:
        return (
            (not self.tags or bool(set(self.tags) & set(problem.skills)))
            and (not self.levels or bool(set(self.levels) & set(problem.levels)))
            and (not self.categories or problem.category in self.categories)
            and (not self.difficulties or problem.difficulty in self.difficulties)
        )

    def select(self, problems: Iterable[Problem]) -> list[Problem]:
        return [problem for problem in problems if self.matches(problem)]


def metadata(problem: Problem) -> dict[str, Any]:
    """A problem's catalogue fields as plain JSON data: what `judge list --json` prints and
    what the web page lists and shows."""
    return {
        "slug": problem.slug,
        "title": problem.title,
        "difficulty": problem.difficulty.value,
        "category": problem.category.value,
        "levels": [level.value for level in problem.levels],
        "skills": list(problem.skills),
        "practice_minutes": problem.practice_minutes,
    }

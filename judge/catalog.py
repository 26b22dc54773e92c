"""Finding problems: by folder path or by slug in the problems folder, and filtering them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from judge.errors import UsageError
from judge.problem import Category, Difficulty, Level, Problem, load_problem

PROBLEMS_ENV = "JUDGE_PROBLEMS"


def problems_folder(explicit: Path | None = None) -> Path:
    """`--problems DIR`, else $JUDGE_PROBLEMS, else ./problems."""
    return Path(explicit or os.environ.get(PROBLEMS_ENV) or "problems")


def resolve(name: str | Path, folder: Path | None = None) -> Problem:
    """A problem from a folder path, or from a slug looked up in the problems folder."""
    path = Path(name)
    if path.is_dir():
        return load_problem(path)
    candidate = problems_folder(folder) / str(name)
    if candidate.is_dir():
        return load_problem(candidate)
    raise UsageError(
        f"no problem {str(name)!r}: not a folder, and not a slug in {problems_folder(folder)}/"
    )


def all_problems(folder: Path | None = None) -> list[Problem]:
    root = problems_folder(folder)
    if not root.is_dir():
        raise UsageError(f"no problems folder at {root} (use --problems DIR or ${PROBLEMS_ENV})")
    return [
        load_problem(path) for path in sorted(root.iterdir()) if (path / "problem.yaml").is_file()
    ]


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

"""A set's workspace: each drawn problem's statement and starter, written once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from judge.core.errors import UsageError
from judge.core.problem import Problem
from judge.core.starter import full_statement, starter_file
from judge.practice.records import SetProblem


def write_workspace(workspace: Path, chosen: Sequence[Problem]) -> tuple[SetProblem, ...]:
    """Each statement as <slug>.md and a starter as <slug>.py; never overwrites a file."""
    drawn = tuple(
        SetProblem(
            position=position,
            slug=problem.slug,
            title=problem.title,
            difficulty=problem.difficulty.value,
            category=problem.category.value,
            skills=problem.skills,
            suggested_minutes=problem.practice_minutes,
            statement_file=workspace / f"{problem.slug}.md",
            starter_file=workspace / f"{problem.slug}.py",
        )
        for position, problem in enumerate(chosen, 1)
    )
    taken = [
        path for item in drawn for path in (item.statement_file, item.starter_file) if path.exists()
    ]
    if taken:
        raise UsageError(f"{taken[0]} exists: choose another --dir (practice never overwrites)")
    workspace.mkdir(parents=True, exist_ok=True)
    for problem, item in zip(chosen, drawn, strict=True):
        item.statement_file.write_text(full_statement(problem), encoding="utf-8")
        item.starter_file.write_text(starter_file(problem), encoding="utf-8")
    return drawn

"""What every command module of the CLI shares: error handling and the common options.

Kept apart from `cli.py` so the command modules (`commands_practice`, `commands_grade`) can
use it without importing the CLI's entry point, which imports them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from judge.core.catalog import Filters
from judge.core.errors import JudgeError
from judge.core.problem import Category, Difficulty, Level
from judge.core.verdict import Verdict

F = TypeVar("F", bound=Callable[..., Any])
EXIT_NOT_ACCEPTED = 1

err_console = Console(stderr=True, soft_wrap=True)


def handle_errors(command: F) -> F:
    """Library errors become one clear line and their exit code; never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except JudgeError as error:
            label = "error" if error.exit_code == 2 else "internal error"
            err_console.print(Text(f"{label}: {error}", style="red"))
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


def exit_code_for(verdict: Verdict) -> int:
    """0 accepted, 1 not accepted, 3 the judge's own fault."""
    if verdict is Verdict.AC:
        return 0
    return 3 if verdict is Verdict.IE else EXIT_NOT_ACCEPTED


def sandbox_option(command: F) -> F:
    return click.option(
        "--sandbox",
        type=click.Choice(["auto", "docker", "process"]),
        default="auto",
        show_default=True,
        help="docker: isolated container; process: local fallback (weaker); auto: docker if available.",
    )(command)


def problems_option(command: F) -> F:
    return click.option(
        "--problems",
        "problems_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of problem packages (default: $JUDGE_PROBLEMS or ./problems).",
    )(command)


def filter_options(command: F) -> F:
    """--difficulty, --level, --category and --tag (each repeatable: any of those given),
    handed to the command as one `filters: Filters` argument."""

    @wraps(command)
    def wrapper(
        *args: Any,
        difficulties: tuple[str, ...],
        levels: tuple[str, ...],
        categories: tuple[str, ...],
        tags: tuple[str, ...],
        **kwargs: Any,
    ) -> Any:
        filters = Filters(
            tags=tags,
            levels=tuple(Level(level) for level in levels),
            categories=tuple(Category(category) for category in categories),
            difficulties=tuple(Difficulty(difficulty) for difficulty in difficulties),
        )
        return command(*args, filters=filters, **kwargs)

    choices = (
        ("--difficulty", "difficulties", Difficulty),
        ("--level", "levels", Level),
        ("--category", "categories", Category),
    )
    decorated: Any = click.option(
        "--tag", "tags", multiple=True, help="Skill tag (any of those given)."
    )(wrapper)
    for flag, name, kind in reversed(choices):
        choice = click.Choice([member.value for member in kind])
        decorated = click.option(
            flag, name, multiple=True, type=choice, help="Any of those given (repeatable)."
        )(decorated)
    return decorated  # type: ignore[no-any-return]

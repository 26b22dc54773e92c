"""What every command module of the CLI shares: error handling and the common options.

Kept apart from `cli.py` so the command modules (`commands_practice`, `commands_grade`) can
use it without importing the CLI's entry point, which imports them.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from judge.core.catalog import Filters
from judge.core.errors import ExitCode, JudgeError
from judge.core.problem import Category, Difficulty, Level
from judge.core.text import printable
from judge.core.verdict import Verdict

F = TypeVar("F", bound=Callable[..., Any])
DEBUG_ENV = "JUDGE_DEBUG"

err_console = Console(stderr=True, soft_wrap=True)


class JudgeGroup(click.Group):
    """The root group: turns every error of every command into one line and its exit code.

    A `JudgeError` exits with its own code (2 for usage, package and sandbox errors, 3 for
    the judge's faults). Any other exception is a bug in the judge: one line saying what
    failed and how to see the traceback, and exit 3, never 1 ("not accepted"), so that CI
    cannot count a judge crash as a failed candidate. Click's own exceptions pass through.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except JudgeError as error:
            label = "internal error" if error.exit_code is ExitCode.INTERNAL else "error"
            err_console.print(Text(f"{label}: {printable(str(error))}", style="red"))
            _traceback_if_debugging(ctx)
            sys.exit(error.exit_code)
        except Exception as error:
            err_console.print(
                Text(
                    f"internal error: the judge crashed ({type(error).__name__}: "
                    f"{printable(str(error))}); run with --debug (or {DEBUG_ENV}=1) "
                    "to see the traceback",
                    style="red",
                )
            )
            _traceback_if_debugging(ctx)
            sys.exit(ExitCode.INTERNAL)


def _traceback_if_debugging(ctx: click.Context) -> None:
    if ctx.params.get("debug"):
        err_console.print(Text(traceback.format_exc(), style="dim"))


def exit_code_for(verdict: Verdict) -> ExitCode:
    """0 accepted, 1 not accepted, 3 the judge's own fault."""
    if verdict is Verdict.AC:
        return ExitCode.OK
    return ExitCode.INTERNAL if verdict is Verdict.IE else ExitCode.NOT_ACCEPTED


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

"""What every command module of the CLI shares: the root group's error handling, the exit
code of a verdict, and the common options.

The command modules (`judging`, `catalog`, `sandbox`, `practice`, `grade`) import this
module and never `judge.cli` itself, which imports them. Nothing here imports the library's
heavy parts (problem packages pull in numpy): `judge --help` stays fast.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from judge.core.errors import ExitCode, JudgeError
from judge.core.text import printable
from judge.core.verdict import Verdict

if TYPE_CHECKING:
    from judge.core.catalog import Filters

F = TypeVar("F", bound=Callable[..., Any])
DEBUG_ENV = "JUDGE_DEBUG"
PROBLEMS_ENV = "JUDGE_PROBLEMS"
"""The same name as `judge.core.catalog.PROBLEMS_ENV` (a test keeps them equal)."""
DB_ENV = "JUDGE_DB"
"""The same name as `judge.practice.history.DB_ENV` (a test keeps them equal)."""

err_console = Console(stderr=True, soft_wrap=True)


class JudgeGroup(click.Group):
    """The root group: turns every error of every command into one line and its exit code.

    A `JudgeError` exits with its own code (2 for usage, package and sandbox errors, 3 for
    the judge's faults). Any other exception is a bug in the judge: one line saying what
    failed and how to see the traceback, and exit 3, never 1 ("not accepted"), so that CI
    cannot count a judge crash as a failed candidate. Click's own exceptions pass through.

    `lazy_commands` maps a command's name to "module:attribute": its module is imported
    only when that command runs (or help lists it), so `judge run` does not pay for the
    practice, grading and web modules (click's documented lazy-loading pattern).
    """

    def __init__(
        self, *args: Any, lazy_commands: Mapping[str, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy and cmd_name not in self.commands:
            module, _, attribute = self._lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

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
        err_console.print(Text(printable(traceback.format_exc()), style="dim"))


def exit_code_for(verdict: Verdict) -> ExitCode:
    """0 accepted, 1 not accepted, 3 the judge's own fault."""
    if verdict is Verdict.AC:
        return ExitCode.OK
    return ExitCode.INTERNAL if verdict is Verdict.IE else ExitCode.NOT_ACCEPTED


def from_environment(name: str) -> bool:
    """Whether the current command's parameter `name` came from its environment variable."""
    source = click.get_current_context().get_parameter_source(name)
    return source is click.core.ParameterSource.ENVIRONMENT


def sandbox_option(command: F) -> F:
    return click.option(
        "--sandbox",
        type=click.Choice(["auto", "docker", "process"]),
        default="auto",
        show_default=True,
        help="docker: an isolated container; process: a local fallback (weaker); "
        "auto: docker when available (see docs/sandbox.md).",
    )(command)


def report_skipped(error: Exception) -> None:
    """A broken package `all_problems` skipped, named on stderr (escaped: a folder's name
    is the user's, and may hold markup or control characters)."""
    err_console.print(Text(f"skipped: {printable(str(error))}", style="yellow"))


def db_option(command: F) -> F:
    """--db FILE, else $JUDGE_DB (read by click), else the user data folder's history."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        envvar=DB_ENV,
        show_envvar=True,
        help="History database (default: history.sqlite3 in the user data folder).",
    )(command)


def problems_option(command: F) -> F:
    """--problems DIR, else $JUDGE_PROBLEMS (read by click), else ./problems."""
    return click.option(
        "--problems",
        "problems_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        envvar=PROBLEMS_ENV,
        show_envvar=True,
        help="Folder of problem packages (default: ./problems).",
    )(command)


def json_option(command: F) -> F:
    """--json: the same meaning in every command, a flag that prints JSON to stdout."""
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON to stdout instead (for machines)."
    )(command)


class _LazyChoice(click.Choice[str]):
    """A choice whose values are looked up the first time they are needed (a command's
    help, or parsing), so that defining the option imports nothing heavy."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._values: tuple[str, ...] | None = None
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        if self._values is None:
            self._values = tuple(self._load())
        return self._values


def _problem_enum_values(name: str) -> Callable[[], list[str]]:
    def load() -> list[str]:
        from judge.core import problem

        kind: Iterable[Any] = getattr(problem, name)
        return [member.value for member in kind]

    return load


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
        from judge.core.catalog import Filters
        from judge.core.problem import Category, Difficulty, Level

        filters: Filters = Filters(
            tags=tags,
            levels=tuple(Level(level) for level in levels),
            categories=tuple(Category(category) for category in categories),
            difficulties=tuple(Difficulty(difficulty) for difficulty in difficulties),
        )
        return command(*args, filters=filters, **kwargs)

    choices = (
        ("--difficulty", "difficulties", "Difficulty"),
        ("--level", "levels", "Level"),
        ("--category", "categories", "Category"),
    )
    decorated: Any = click.option(
        "--tag", "tags", multiple=True, help="Skill tag (any of those given)."
    )(wrapper)
    for flag, name, kind in reversed(choices):
        decorated = click.option(
            flag,
            name,
            multiple=True,
            type=_LazyChoice(_problem_enum_values(kind)),
            help="Any of those given (repeatable).",
        )(decorated)
    return decorated  # type: ignore[no-any-return]

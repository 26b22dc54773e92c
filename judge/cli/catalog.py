"""`judge list`, `judge show` and `judge new`: the problems, one problem, a starter file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from judge.cli.common import (
    err_console,
    filter_options,
    json_option,
    problems_option,
    report_skipped,
)
from judge.core.errors import UsageError
from judge.core.text import printable, single_line

if TYPE_CHECKING:  # the library is imported inside the commands: `judge --help` stays fast
    from rich.console import Console, Group
    from rich.table import Table

    from judge.core.catalog import Filters
    from judge.core.problem import Problem

NARROW = ("slug", "title", "difficulty", "minutes")
"""`judge list` without --long: what fits 80 columns (like `pip list`, narrow by default)."""
LONG = ("slug", "title", "difficulty", "category", "levels", "skills", "minutes")


def _cells(problem: Problem) -> dict[str, str]:
    return {
        "slug": single_line(problem.slug),
        "title": single_line(problem.title),
        "difficulty": problem.difficulty.value,
        "category": problem.category.value,
        "levels": ", ".join(level.value for level in problem.levels),
        "skills": ", ".join(single_line(skill) for skill in problem.skills),
        "minutes": str(problem.practice_minutes),
    }


WRAPPING = frozenset({"title", "levels", "skills"})


def _table(problems: list[Problem], columns: tuple[str, ...]) -> Table:
    from rich.table import Table
    from rich.text import Text

    # No borders, two spaces between columns: the narrow table takes at most 80 columns.
    # Only the title and the lists (levels, skills) may wrap, at a space; nothing is ever
    # cut to "…".
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(
            column,
            no_wrap=column not in WRAPPING,
            overflow="fold",
            justify="right" if column == "minutes" else "left",
        )
    for problem in problems:
        cells = _cells(problem)
        table.add_row(*(Text(cells[column]) for column in columns))
    return table


def _records(problems: list[Problem]) -> Group:
    """Every field, one problem per block: what --long prints where the table would not fit."""
    from rich.console import Group
    from rich.text import Text

    blocks: list[Text] = []
    for index, problem in enumerate(problems):
        cells = _cells(problem)
        block = Text("\n" if index else "")
        block.append_text(Text.assemble((cells["slug"], "bold"), "  ", cells["title"]))
        for label in LONG[2:]:
            block.append(f"\n  {label + ':':<11} ")
            block.append(cells[label])
        blocks.append(block)
    return Group(*blocks)


def _render(console: Console, problems: list[Problem], long_: bool) -> None:
    if not long_:
        console.print(_table(problems, NARROW))
        return
    table = _table(problems, LONG)
    unbounded = console.options.update_width(1_000_000)
    # It fits when the longest skills list needs at most two lines (a six-skill list on a
    # 200-column terminal); narrower than that, one block per problem reads better.
    longest = max((len(_cells(problem)["skills"]) for problem in problems), default=0)
    widest = console.measure(table, options=unbounded).maximum
    fits = widest - longest // 2 <= console.width
    console.print(table if fits else _records(problems))


@click.command(name="list", short_help="List the problems, filtered.")
@filter_options
@click.option(
    "--long", "-l", "long_", is_flag=True, help="Every column: category, levels and skills too."
)
@json_option
@problems_option
def list_problems(filters: Filters, long_: bool, as_json: bool, problems_dir: Path | None) -> None:
    """List the problems: slug, title, difficulty and suggested minutes; --long adds the
    category, levels and skills; --json prints a list of objects with every field."""
    from rich.console import Console
    from rich.text import Text

    from judge.core.catalog import all_problems, metadata

    problems = filters.select(all_problems(problems_dir, on_error=report_skipped))
    if as_json:
        listed = [
            {**metadata(problem), "path": str(problem.root.resolve())} for problem in problems
        ]
        click.echo(json.dumps(listed, indent=2))
        return
    if not problems:
        err_console.print(Text("no problem matches the filters", style="yellow"))
        return
    _render(Console(), problems, long_)


@click.command(short_help="Show a problem's statement, signature and limits.")
@click.argument("problem")
@problems_option
def show(problem: str, problems_dir: Path | None) -> None:
    """Show PROBLEM's statement, examples, signature and limits."""
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.syntax import Syntax

    from judge.core.catalog import resolve
    from judge.core.starter import full_statement, signature

    loaded = resolve(problem, problems_dir)
    console = Console()
    console.print(Markdown(printable(full_statement(loaded))))
    console.print(Syntax(printable(signature(loaded)), "python", theme="ansi_dark"))


@click.command(short_help="Write a starter file with the exact signature.")
@click.argument("problem")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@problems_option
def new(problem: str, file: Path | None, force: bool, problems_dir: Path | None) -> None:
    """Write a starter file for PROBLEM (default: <slug>.py, dashes as underscores); never
    overwrites without --force."""
    from judge.core.catalog import resolve
    from judge.core.starter import starter_file

    loaded = resolve(problem, problems_dir)
    target = file or Path(f"{loaded.slug.replace('-', '_')}.py")
    if target.exists() and not force:
        raise UsageError(f"{target} exists; use --force to overwrite it")
    target.write_text(starter_file(loaded), encoding="utf-8")
    shown = single_line(str(target))
    click.echo(f"wrote {shown}: judge it with `judge run {single_line(loaded.slug)} {shown}`")

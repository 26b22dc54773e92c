"""`judge new-problem`: scaffold a problem package that `judge check` passes as written."""

from __future__ import annotations

from pathlib import Path

import click

from judge.cli.common import problems_option
from judge.core.text import single_line

KINDS = ("function", "class")
"""The scaffolds there are (`judge.core.scaffold.kinds()`; a test keeps the two equal),
spelled out so that defining the command imports no library."""


@click.command("new-problem", short_help="Write a new problem package to fill in.")
@click.argument("slug")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="function",
    show_default=True,
    help="function: called once per case; class: constructed, then driven by method calls.",
)
@problems_option
@click.option(
    "--solutions",
    type=click.Path(file_okay=False, path_type=Path),
    help="Its labelled submissions (default: solutions/<slug> beside the problems folder, "
    "where `judge check` looks).",
)
def new_problem(slug: str, kind: str, problems_dir: Path | None, solutions: Path | None) -> None:
    """Write the problem package SLUG (problem.yaml, statement.md, reference.py,
    properties.py, test_reference.py) and its labelled submissions (accepted, wrong_answer,
    time_limit_exceeded).

    The package is a tiny real problem that `judge check` passes as written: replace what
    each `TODO` marks with your problem (docs/authoring.md walks through it). Never
    overwrites: exit 2 when either folder exists and is not empty.
    """
    from judge.core.catalog import problems_folder
    from judge.core.scaffold import default_solutions, new_problem

    done = new_problem(slug, kind, problems_folder(problems_dir), solutions)
    problem, labelled = single_line(str(done.problem)), single_line(str(done.solutions))
    for path in done.files:
        click.echo(f"wrote {single_line(str(path))}")
    check = f"judge check {problem}"
    if done.solutions != default_solutions(done.problem):
        check += f" --solutions {labelled}"
    click.echo(
        f"\nNext: replace every TODO (grep -rn TODO {problem} {labelled}), then run\n"
        f"  {check}\n"
        f"  pytest {problem}"
    )

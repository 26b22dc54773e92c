"""The `judge` command: parse, call the library, render, exit with the right code.

Exit codes: 0 accepted (or success), 1 not accepted (or a check failed), 2 usage or
problem-package error, 3 the judge's own fault. Nothing imports this module.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from judge import __version__
from judge.cli.common import (
    DEBUG_ENV,
    JudgeGroup,
    err_console,
    exit_code_for,
    filter_options,
    problems_option,
    sandbox_option,
)
from judge.core.catalog import Filters
from judge.core.errors import ExitCode, UsageError


@click.group(cls=JudgeGroup)
@click.version_option(__version__, prog_name="judge")
@click.option(
    "--debug",
    is_flag=True,
    envvar=DEBUG_ENV,
    help=f"Show the traceback of the judge's own errors [env: {DEBUG_ENV}].",
)
def main(debug: bool) -> None:
    """judge: run Python submissions in a sandbox and judge them with property-based tests."""


@main.command()
@click.argument("problem")
@click.argument("submission", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (schema 1).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for generated cases.")
@click.option(
    "--time-limit", type=click.FloatRange(min=0.01), help="Seconds per case, stress included."
)
@click.option("--memory-limit", type=click.IntRange(min=16), help="MiB for the sandbox.")
@click.option("--max-examples", type=click.IntRange(min=1), help="Property examples to try.")
@sandbox_option
@problems_option
def run(
    problem: str,
    submission: Path,
    as_json: bool,
    seed: int,
    time_limit: float | None,
    memory_limit: int | None,
    max_examples: int | None,
    sandbox: str,
    problems_dir: Path | None,
) -> None:
    """Judge SUBMISSION against PROBLEM (a problem folder, or a slug in the problems folder)."""
    from judge.core.catalog import resolve
    from judge.core.engine import JudgeOptions, judge
    from judge.reports import console as console_report
    from judge.reports import json as json_report
    from judge.sandbox import SandboxChoice, open_sandbox

    loaded = resolve(problem, problems_dir)
    opened = open_sandbox(SandboxChoice(sandbox))
    options = JudgeOptions(
        seed=seed, time_limit_s=time_limit, memory_limit_mib=memory_limit, max_examples=max_examples
    )
    report = judge(loaded, submission, opened, options)
    if as_json:
        click.echo(json_report.render(report))
    else:
        console_report.render(report, Console())
    sys.exit(exit_code_for(report.verdict))


@main.group()
def sandbox() -> None:
    """Build and check the Docker sandbox."""


@sandbox.command()
@click.option(
    "--offline", is_flag=True, help="Build from Debian packages with debootstrap (no registry)."
)
def build(offline: bool) -> None:
    """Build the sandbox image judge-sandbox:<version> (Python 3 + numpy)."""
    from judge.sandbox.docker import connect
    from judge.sandbox.image import build_image

    built = build_image(
        connect(), offline=offline, log=lambda line: err_console.print(Text(line, style="dim"))
    )
    click.echo(f"built {built.tag} ({built.image_id[:19]}) by {built.method}")


@sandbox.command()
def doctor() -> None:
    """Check the engine, the image, and that the limits are really enforced."""
    from judge.sandbox.doctor import diagnose

    findings = diagnose(progress=lambda message: err_console.print(Text(message, style="dim")))
    table = Table(show_edge=False)
    for column in ("check", "", "detail"):
        table.add_column(column)
    for finding in findings:
        table.add_row(
            finding.check,
            Text("ok" if finding.ok else "FAIL", style="green" if finding.ok else "red"),
            finding.detail,
        )
    Console().print(table)
    sys.exit(ExitCode.OK if all(finding.ok for finding in findings) else ExitCode.NOT_ACCEPTED)


@main.command()
@click.argument("folders", nargs=-1, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--solutions",
    type=click.Path(file_okay=False, path_type=Path),
    help="Labelled submissions (default: solutions/<slug> beside the problems folder).",
)
@click.option("--seed", type=int, default=0, show_default=True)
@sandbox_option
@problems_option
def check(
    folders: tuple[Path, ...],
    solutions: Path | None,
    seed: int,
    sandbox: str,
    problems_dir: Path | None,
) -> None:
    """Verify problem packages: metadata, examples, reference, labelled submissions."""
    from judge.core.catalog import problems_folder
    from judge.core.engine import JudgeOptions
    from judge.core.verify import verify_package
    from judge.sandbox import SandboxChoice, open_sandbox

    if not folders:
        root = problems_folder(problems_dir)
        folders = (
            tuple(sorted(path for path in root.iterdir() if (path / "problem.yaml").is_file()))
            if root.is_dir()
            else ()
        )
        if not folders:
            raise UsageError(f"no problem packages found in {root}")
    if solutions is not None and len(folders) > 1:
        raise UsageError("--solutions names one problem's submissions: give one problem folder")
    opened = open_sandbox(SandboxChoice(sandbox))
    if opened.info.notice:
        err_console.print(Text(f"notice: {opened.info.notice}", style="yellow"))
    console = Console()
    all_ok = True
    for folder in folders:
        result = verify_package(
            folder,
            solutions,
            opened,
            JudgeOptions(seed=seed),
            progress=lambda m: err_console.print(Text(m, style="dim")),
        )
        all_ok &= result.ok
        console.print(
            Text(
                f"{folder}: {'ok' if result.ok else 'FAILED'}",
                style="bold green" if result.ok else "bold red",
            )
        )
        for problem in result.problems:
            console.print(Text(f"  ✗ {problem}", style="red"))
        if result.stress_note:
            console.print(Text(f"  stress limit: {result.stress_note}", style="dim"))
        for item in result.submissions:
            mark, style = ("✓", "green") if item.ok else ("✗", "red")
            got = item.report.verdict.value
            line = f"  {mark} {item.path}: expected {item.expected.value}, got {got}"
            if not item.ok and (item.report.message or item.report.first_failure):
                failure = item.report.first_failure
                line += f" ({(item.report.message or (failure.message if failure else ''))[:200]})"
            console.print(Text(line, style=style))
    sys.exit(ExitCode.OK if all_ok else ExitCode.NOT_ACCEPTED)


@main.command(name="list")
@filter_options
@problems_option
def list_problems(filters: Filters, problems_dir: Path | None) -> None:
    """List the problems, filtered."""
    from judge.core.catalog import all_problems

    table = Table(show_edge=False)
    table.add_column("slug", no_wrap=True)
    for column in ("title", "difficulty", "category", "levels", "skills", "minutes"):
        table.add_column(column)

    def skip(error: Exception) -> None:
        err_console.print(Text(f"skipped: {error}", style="yellow"))

    for problem in filters.select(all_problems(problems_dir, on_error=skip)):
        table.add_row(
            problem.slug,
            problem.title,
            problem.difficulty.value,
            problem.category.value,
            ", ".join(level.value for level in problem.levels),
            ", ".join(problem.skills),
            str(problem.practice_minutes),
        )
    Console().print(table)


@main.command()
@click.argument("problem")
@problems_option
def show(problem: str, problems_dir: Path | None) -> None:
    """Show a problem's statement, signature, limits and examples."""
    from rich.markdown import Markdown
    from rich.syntax import Syntax

    from judge.core.catalog import resolve
    from judge.core.starter import full_statement, signature

    loaded = resolve(problem, problems_dir)
    console = Console()
    console.print(Markdown(full_statement(loaded)))
    console.print(Syntax(signature(loaded), "python", theme="ansi_dark"))


@main.command()
@click.argument("problem")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@problems_option
def new(problem: str, file: Path | None, force: bool, problems_dir: Path | None) -> None:
    """Write a starter file for PROBLEM (default: <slug>.py); never overwrites without --force."""
    from judge.core.catalog import resolve
    from judge.core.starter import starter_file

    loaded = resolve(problem, problems_dir)
    target = file or Path(f"{loaded.slug.replace('-', '_')}.py")
    if target.exists() and not force:
        raise UsageError(f"{target} exists; use --force to overwrite it")
    target.write_text(starter_file(loaded), encoding="utf-8")
    click.echo(f"wrote {target}: judge it with `judge run {loaded.slug} {target}`")


from judge.cli.practice import practice, stats  # noqa: E402

main.add_command(practice)
main.add_command(stats)

from judge.cli.grade import grade  # noqa: E402

main.add_command(grade)

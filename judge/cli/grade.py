"""`judge grade`: parse, plan the tasks, call judge.grading.pool, write the reports, exit.

Registered on the root group by `judge.cli`, which this module never imports; errors and
their exit codes are handled once, by the root group (`common.JudgeGroup`).

Exit codes: 0 every candidate passed, 1 someone did not, 2 usage, package or sandbox
error (found before any judging), 3 the judge failed someone (an IE result).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from judge.cli.common import (
    F,
    err_console,
    from_environment,
    json_option,
    problems_option,
    sandbox_option,
)
from judge.core.errors import JudgeError, UsageError

if TYPE_CHECKING:  # the library is imported inside the command: `judge --help` stays fast
    from judge.grading.pool import Progress
    from judge.grading.results import Graded, Grading


def _report_path(flag: str, help_text: str) -> Callable[[F], F]:
    return click.option(
        flag, type=click.Path(dir_okay=False, writable=True, path_type=Path), help=help_text
    )


@click.command(short_help="Grade many candidates' submissions at once (CI).")
@click.argument("problem", required=False)
@click.argument(
    "submissions", nargs=-1, type=click.Path(exists=True, readable=True, path_type=Path)
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of candidates: each .py file, and each subfolder, is one candidate.",
)
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A YAML file mapping candidates to problems and files (see docs/grading.md).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Sandbox sessions at once, each in its own process  [default: the CPUs available]",
)
@click.option("--seed", type=int, default=0, show_default=True, help="The same for everyone.")
@click.option(
    "--pass-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Pass with at least this score (0-100)  [default: pass only when accepted]",
)
@click.option(
    "--time-limit", type=click.FloatRange(min=0.01), help="Seconds per case, stress included."
)
@click.option("--memory-limit", type=click.IntRange(min=16), help="MiB for the sandbox.")
@click.option("--max-examples", type=click.IntRange(min=1), help="Property examples to try.")
@_report_path("--junit", "Write JUnit XML (a test suite per candidate) to this file.")
@json_option
@_report_path("--json-file", "Write the results as JSON (schema 1) to this file.")
@_report_path("--csv", "Write candidate, problem, verdict, score, passed as CSV to this file.")
@_report_path("--markdown", "Write the Markdown summary to this file too.")
@sandbox_option
@problems_option
def grade(
    problem: str | None,
    submissions: tuple[Path, ...],
    folder: Path | None,
    manifest: Path | None,
    jobs: int | None,
    seed: int,
    pass_score: float | None,
    time_limit: float | None,
    memory_limit: int | None,
    max_examples: int | None,
    junit: Path | None,
    as_json: bool,
    json_file: Path | None,
    csv: Path | None,
    markdown: Path | None,
    sandbox: str,
    problems_dir: Path | None,
) -> None:
    """Grade candidates' submissions: PROBLEM with SUBMISSION files or folders, or --dir,
    or several problems with --manifest. The seed is the same for every candidate.

    Exit code 0 when every candidate passed, 1 when one did not, 2 for a usage, manifest,
    package or sandbox error (before judging), 3 when the judge failed someone. See
    docs/grading.md for candidates, manifests and reports.

    \b
    judge grade two-sum alice.py bob.py
    judge grade two-sum --dir subs/ --junit junit.xml --json-file grades.json
    judge grade --manifest grading.yaml --pass-score 60 --json > grades.json
    """
    from judge.core.atomic import write_atomically
    from judge.core.catalog import resolve
    from judge.core.engine import JudgeOptions
    from judge.grading import candidates
    from judge.grading import pool as grading_lib
    from judge.grading.results import PassRule
    from judge.reports import csv as csv_report
    from judge.reports import junit as junit_report
    from judge.reports import markdown as markdown_report
    from judge.reports.github import append_step_summary
    from judge.sandbox import SandboxChoice, open_sandbox

    if manifest is not None:
        if problem is not None or folder is not None:
            raise UsageError("--manifest names the problems and files: give no PROBLEM or --dir")
        if from_environment("problems_dir"):  # the manifest's problems_dir wins over the env
            problems_dir = None  # (still the fallback when it names none: catalog reads it)
        tasks = candidates.plan_manifest(manifest, problems_dir)
    else:
        if problem is None:
            raise UsageError("give PROBLEM with SUBMISSION files or --dir, or --manifest")
        if not submissions and folder is None:
            raise UsageError(f"give SUBMISSION files or folders, or --dir, for {problem}")
        loaded = resolve(problem, problems_dir)
        tasks = candidates.plan_paths(loaded, submissions, folder)
    reports = {"--junit": junit, "--json-file": json_file, "--csv": csv, "--markdown": markdown}
    _check_writable({flag: path for flag, path in reports.items() if path is not None})
    opened = open_sandbox(SandboxChoice(sandbox), keep_spare=True)
    click.get_current_context().call_on_close(opened.close)
    if opened.info.notice:
        err_console.print(Text(f"notice: {_shown(opened.info.notice)}", style="yellow"))
    options = JudgeOptions(
        seed=seed, time_limit_s=time_limit, memory_limit_mib=memory_limit, max_examples=max_examples
    )
    with _progress(len(tasks)) as progress:
        result = grading_lib.grade(
            tasks,
            opened,
            options,
            rule=PassRule(pass_score),
            jobs=jobs or grading_lib.default_jobs(),
            per_problem=manifest is not None,
            progress=progress,
        )
    summary = markdown_report.render(result)
    outputs: list[tuple[Path | None, Callable[[Grading], str]]] = [
        (junit, junit_report.render),
        (json_file, _json_text),
        (csv, csv_report.render),
        (markdown, lambda _: summary),
    ]
    for path, render in outputs:
        if path is not None:
            try:
                write_atomically(path, render(result))
            except OSError as error:
                raise JudgeError(f"could not write {path}: {error.strerror or error}") from None
    try:
        append_step_summary(summary)
    except OSError as error:  # the summary is a courtesy: never what fails the grading
        warning = f"warning: $GITHUB_STEP_SUMMARY not written: {_shown(str(error))}"
        err_console.print(Text(warning, "yellow"))
    if as_json:
        click.echo(_json_text(result), nl=False)
    else:
        _print_results(result, Console(soft_wrap=True))
    sys.exit(result.exit_code)


def _check_writable(paths: dict[str, Path]) -> None:
    """Before judging: a report that cannot be written must not cost a whole grading."""
    for flag, path in paths.items():
        if path.is_dir():
            raise UsageError(f"{flag} {path}: is a folder, not a file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(f"{flag} {path}: cannot create its folder: {error.strerror}") from None
        if not os.access(path.parent, os.W_OK):
            raise UsageError(f"{flag} {path}: its folder is not writable")


def _json_text(result: Grading) -> str:
    import json

    from judge.reports.grading_json import grading_to_dict

    return json.dumps(grading_to_dict(result), indent=2) + "\n"


def _shown(text: str) -> str:
    """Untrusted text for the terminal: no control sequences, no unencodable surrogates."""
    from judge.core.text import single_line

    return single_line(text)


def _line(graded: Graded) -> Text:
    report = graded.report
    mark, style = ("✓", "green") if graded.passed else ("✗", "red")
    line = Text.assemble(
        (mark, style),
        f" {_shown(graded.candidate)} · {_shown(report.problem)}: ",
        (report.verdict.value, "bold"),
        f" {report.score:g}/100",
    )
    failure = report.first_failure
    lines = (report.message or (failure.message if failure else "")).strip().splitlines()
    if lines:  # a traceback's last line says the most
        line.append(f"  {_shown(lines[-1].strip())[:120]}", style="dim")
    return line


@contextmanager
def _progress(total: int) -> Iterator[Progress]:
    """A progress bar on a terminal; plain lines in CI logs (or wherever stderr is a file)."""
    if err_console.is_terminal and not os.environ.get("CI"):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        with Progress(
            "grading", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console
        ) as bar:
            task_id = bar.add_task("grading", total=total)

            def advance(graded: Graded, done: int, total: int) -> None:
                bar.console.print(_line(graded))
                bar.update(task_id, completed=done)

            yield advance
        return

    width = len(str(total))

    def log(graded: Graded, done: int, total: int) -> None:
        err_console.print(Text.assemble(f"[{done:>{width}}/{total}] ", _line(graded)))

    yield log


def _print_results(result: Grading, console: Console) -> None:
    from judge.grading.results import totals
    from judge.reports.console import STYLES

    table = Table(show_edge=False)
    for column in ("candidate", "problem", "verdict", "score", "passed"):
        table.add_column(column, overflow="fold", no_wrap=column != "candidate")
    for graded in result.results:
        report = graded.report
        table.add_row(
            Text(_shown(graded.candidate)),
            Text(_shown(report.problem)),
            Text(report.verdict.value, style=STYLES[report.verdict]),
            f"{report.score:g}",
            Text("yes", style="green") if graded.passed else Text("no", style="red"),
        )
    console.print(table)
    if result.per_problem:
        for total in totals(result):
            mark = "passed" if total.passed else "not passed"
            console.print(
                f"{_shown(total.candidate)}: mean score {total.score:g} over "
                f"{total.problems} problem(s), {mark}",
                markup=False,
            )
    people = totals(result)
    passed = sum(total.passed for total in people)
    console.print(
        Text(
            f"{passed}/{len(people)} candidates passed ({result.rule.describe()}); seed "
            f"{result.seed}; {result.sandbox.kind} sandbox; {result.elapsed_s:.1f} s",
            style="bold green" if passed == len(people) else "bold red",
        )
    )

"""`judge run` (one submission) and `judge check` (problem packages): parse, judge, render."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from judge.cli.common import (
    err_console,
    exit_code_for,
    json_option,
    problems_option,
    sandbox_option,
)
from judge.core.errors import ExitCode, UsageError
from judge.core.text import printable, single_line


@click.command(short_help="Judge a submission against a problem.")
@click.argument("problem")
@click.argument("submission", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
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
    """Judge SUBMISSION against PROBLEM (a problem folder, or a slug in the problems folder).

    Exit code 0 when accepted, 1 when not, 2 for a usage error or no sandbox, 3 when the
    judge itself failed. --json prints the report as JSON (schema 1, see README).
    After `judge daemon start`, each run starts warm (imports done, a container started).
    """
    from judge.sandbox import SandboxChoice, get_ready, open_sandbox
    from judge.sandbox.staging import SubmissionRefused, read_submission

    try:  # a link, a FIFO or a huge file is the user's mistake here: say so, exit 2
        read_submission(submission)
    except SubmissionRefused as refused:
        raise UsageError(f"{single_line(str(submission))}: {refused}") from None
    opened = open_sandbox(SandboxChoice(sandbox))
    click.get_current_context().call_on_close(opened.close)
    # The container starts now, while the judge's own modules import and the problem loads.
    get_ready(opened.sandbox)
    from rich.console import Console

    from judge.core.catalog import resolve
    from judge.core.engine import JudgeOptions, judge
    from judge.reports import console as console_report
    from judge.reports import json as json_report

    loaded = resolve(problem, problems_dir)
    options = JudgeOptions(
        seed=seed, time_limit_s=time_limit, memory_limit_mib=memory_limit, max_examples=max_examples
    )
    report = judge(loaded, submission, opened, options)
    if as_json:
        click.echo(json_report.render(report))
    else:
        console_report.render(report, Console())
    sys.exit(exit_code_for(report.verdict))


@click.command(short_help="Verify problem packages and their labelled submissions.")
@click.argument("folders", nargs=-1, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--solutions",
    type=click.Path(file_okay=False, path_type=Path),
    help="Labelled submissions (default: solutions/<slug> beside the problems folder).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for generated cases.")
@click.option(
    "--mutants",
    is_flag=True,
    help="Also judge mutants of each reference (in the process sandbox); fail below a 95% kill rate.",
)
@click.option(
    "--recalibrate",
    is_flag=True,
    help="Measure each reference's stress time again, replacing the cached limit (after a "
    "calibration on a busy machine).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Judgements at once, in worker processes (margins are then measured under that "
    "load; verdicts hold).",
)
@sandbox_option
@problems_option
def check(
    folders: tuple[Path, ...],
    solutions: Path | None,
    seed: int,
    mutants: bool,
    recalibrate: bool,
    jobs: int,
    sandbox: str,
    problems_dir: Path | None,
) -> None:
    """Verify problem packages (every package in the problems folder by default): metadata,
    examples, the reference, and that each labelled submission gets its folder's verdict.

    Accepted and time-limit labels also show their stress margin: the limit over the slowest
    stress case (headroom), or that case over the limit (excess, "≥" when it was stopped).
    A margin under 2× is a warning line (!), not a failure."""
    from rich.console import Console
    from rich.text import Text

    from judge.core.catalog import problems_folder
    from judge.core.engine import JudgeOptions
    from judge.core.verify_many import verify_packages
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
    opened = open_sandbox(SandboxChoice(sandbox), keep_spare=True)
    click.get_current_context().call_on_close(opened.close)
    if opened.info.notice:
        err_console.print(Text(f"notice: {printable(opened.info.notice)}", style="yellow"))
    console = Console()
    all_ok = True
    results = verify_packages(
        folders,
        solutions,
        opened,
        JudgeOptions(seed=seed, recalibrate=recalibrate),
        jobs=jobs,
        progress=lambda m: err_console.print(Text(printable(m), style="dim")),
    )
    for result in results:
        folder = result.folder
        all_ok &= result.ok
        console.print(
            Text(
                f"{single_line(str(folder))}: {'ok' if result.ok else 'FAILED'}",
                style="bold green" if result.ok else "bold red",
            )
        )
        for problem in result.problems:
            console.print(Text(f"  ✗ {printable(problem)}", style="red"))
        if result.stress_note:
            console.print(Text(f"  stress limit: {printable(result.stress_note)}", style="dim"))
        if result.reference_margin is not None:
            console.print(Text(f"  reference: {result.reference_margin}", style="dim"))
        for item in result.submissions:
            mark, style = ("✓", "green") if item.ok else ("✗", "red")
            got = item.report.verdict.value
            line = (
                f"  {mark} {single_line(str(item.path))}: expected {item.expected.value}, got {got}"
            )
            failure = item.report.first_failure
            why = (item.report.message or (failure.message if failure else "")).strip()
            if item.fails_a_sample:
                line += " but fails a sample: a wrong answer must pass every sample"
            elif not item.ok and why:  # a traceback's last line says the most
                line += f" ({single_line(why.splitlines()[-1])[:200]})"
            if item.margin is not None:
                line += f" · {item.margin}"
            console.print(Text(line, style=style))
        for warning in result.warnings:  # a thin time margin: worth fixing, not a failure
            console.print(Text(f"  ! {printable(warning)}", style="yellow"))
        if mutants and jobs == 1:
            all_ok &= _mutant_gate(folder, seed)
    if mutants and jobs > 1:  # after the workers: the gate has a process pool of its own
        for folder in folders:
            console.print(Text(f"{single_line(str(folder))}: mutants", style="bold"))
            all_ok &= _mutant_gate(folder, seed)
    sys.exit(ExitCode.OK if all_ok else ExitCode.NOT_ACCEPTED)


def _mutant_gate(folder: Path, seed: int) -> bool:
    """`check --mutants` for one package: the kill rate, problems, and each survivor's diff."""
    from rich.console import Console
    from rich.text import Text

    from judge.core.engine import JudgeOptions
    from judge.core.mutation.gate import run_gate
    from judge.grading.pool import default_jobs

    gate = run_gate(
        folder,
        JudgeOptions(seed=seed),
        jobs=default_jobs(),
        progress=lambda m: err_console.print(Text(printable(m), style="dim")),
    )
    console = Console()
    for problem in gate.problems:
        console.print(Text(f"  ✗ mutants: {printable(problem)}", style="red"))
    if gate.results:
        judged = gate.total - gate.equivalent
        listed = f", {gate.equivalent} listed as equivalent" if gate.equivalent else ""
        console.print(
            Text(
                f"  {'✓' if gate.ok else '✗'} mutants: {gate.killed}/{judged} killed "
                f"({gate.score:.1%}; at least {gate.threshold:.0%} needed) of {gate.total}"
                f"{listed} · {gate.elapsed_s:.1f} s",
                style="green" if gate.ok else "red",
            )
        )
    for survivor in gate.survivors:
        console.print(Text(f"    survived: {survivor.mutant.summary}", style="red"))
        for line in survivor.mutant.diff.splitlines():
            console.print(Text(f"      {printable(line)}", style="dim"), soft_wrap=True)
    return gate.ok

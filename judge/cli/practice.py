"""`judge practice …` and `judge stats`: parse, call judge.practice.sets, render, exit.

Registered on the root group by `judge.cli`, which this module never imports; errors and
their exit codes are handled once, by the root group (`common.JudgeGroup`).

The clock is the context object when it is a `Clock` (tests pass a fake one with
`CliRunner.invoke(main, args, obj=clock)`), else the system clock.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from judge.cli.common import (
    db_option,
    err_console,
    exit_code_for,
    filter_options,
    json_option,
    problems_option,
    sandbox_option,
)
from judge.core.text import printable, single_line
from judge.practice.clock import Clock, SystemClock
from judge.reports.practice_console import (
    duration,
    local,
    problems_table,
    stats_table,
    status_table,
    status_view,
    time_left,
)

if TYPE_CHECKING:  # the library is imported inside each command: `judge --help` stays fast
    from judge.core.catalog import Filters


def _clock() -> Clock:
    given = click.get_current_context().obj
    return given if isinstance(given, Clock) else SystemClock()


@click.group(short_help="Timed practice sets: draw, solve, submit, finish.")
def practice() -> None:
    """Timed practice sets: draw problems, solve them against the clock, submit, finish."""


@practice.command(short_help="Draw problems and start the clock.")
@click.option(
    "--count", type=click.IntRange(min=1), default=3, show_default=True, help="Problems to draw."
)
@click.option(
    "--minutes",
    type=click.IntRange(min=1),
    help="Time for the set (default: the sum of the problems' suggested minutes).",
)
@filter_options
@click.option("--seed", type=int, help="Seed for the draw (recorded with the set).")
@click.option("--uniform", is_flag=True, help="Draw uniformly, not weighted toward weak spots.")
@click.option(
    "--dir",
    "workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace folder (default: ./practice-<start time>).",
)
@problems_option
@db_option
@json_option
def start(
    count: int,
    minutes: int | None,
    filters: Filters,
    seed: int | None,
    uniform: bool,
    workspace: Path | None,
    problems_dir: Path | None,
    db_path: Path | None,
    as_json: bool,
) -> None:
    """Draw COUNT problems, write their statements and starters, and start the clock."""
    from judge.core.catalog import all_problems, problems_folder
    from judge.practice.history import open_history
    from judge.practice.sets import StartRequest, progress, start_set
    from judge.reports.practice import progress_to_dict

    request = StartRequest(filters, count, minutes, seed, uniform, workspace)
    clock = _clock()
    with open_history(db_path) as history:
        started = start_set(
            history, all_problems(problems_dir), problems_folder(problems_dir), request, clock
        )
        state = progress(history, started, clock)
    if as_json:
        click.echo(json.dumps(progress_to_dict(state), indent=2))
        return
    console = Console()
    console.print(
        Text.assemble(
            ("Practice set started: ", "bold"),
            f"{len(started.problems)} problems, {started.minutes:g} min, ",
            f"ends {local(started.deadline)} · workspace {single_line(str(started.workspace))}",
        )
    )
    table = Table(show_edge=False)
    for column in ("#", "slug", "title", "difficulty", "suggested"):  # only the title wraps
        table.add_column(column, no_wrap=column != "title", overflow="fold")
    for problem in started.problems:
        table.add_row(
            str(problem.position),
            Text(single_line(problem.slug)),
            Text(single_line(problem.title)),
            Text(single_line(problem.difficulty)),
            f"{problem.suggested_minutes} min",
        )
    console.print(table)
    console.print(
        Text(
            "each SLUG has SLUG.md (statement) and SLUG.py (starter) in the workspace; "
            "submit with `judge practice submit SLUG [FILE]`\n"
            f"seed {started.seed}{' · uniform draw' if started.uniform else ''}",
            style="dim",
        )
    )


@practice.command(short_help="The running set: attempts, verdicts, time left.")
@click.option("--watch", is_flag=True, help="Live countdown until the deadline (Ctrl-C stops).")
@db_option
@json_option
def status(watch: bool, db_path: Path | None, as_json: bool) -> None:
    """The running set: problems, attempts, verdicts, time left."""
    from judge.practice.history import open_history
    from judge.practice.sets import progress, require_active
    from judge.reports.practice import progress_to_dict

    clock = _clock()
    with open_history(db_path) as history:
        state = progress(history, require_active(history), clock)
        if as_json:
            click.echo(json.dumps(progress_to_dict(state), indent=2))
            return
        if not watch:
            Console().print(status_view(state))
            return
        with Live(status_view(state), console=Console(), auto_refresh=False) as live:
            try:
                while state.time_left_s > 0:
                    clock.sleep(1.0)
                    current = history.get_set(state.practice_set.id)
                    if current is None or not current.active:
                        break  # finished from another terminal
                    state = progress(history, current, clock)
                    live.update(status_view(state), refresh=True)
            except KeyboardInterrupt:
                pass


@practice.command(short_help="Judge a file of the set and record the attempt.")
@click.argument("slug")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@sandbox_option
@click.option(  # not $JUDGE_PROBLEMS: the set remembers its own folder
    "--problems",
    "problems_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of problem packages (default: the one the set was started with).",
)
@db_option
@json_option
def submit(
    slug: str,
    file: Path | None,
    sandbox: str,
    problems_dir: Path | None,
    db_path: Path | None,
    as_json: bool,
) -> None:
    """Judge FILE (default: the workspace's SLUG.py) and record the attempt."""
    from judge.practice.history import open_history
    from judge.practice.sets import progress, submit
    from judge.reports import console as console_report
    from judge.reports.json import report_to_dict
    from judge.reports.practice import JSON_SCHEMA, attempt_to_dict
    from judge.sandbox import SandboxChoice, open_sandbox

    clock = _clock()
    with open_history(db_path) as history:
        with open_sandbox(SandboxChoice(sandbox)) as opened:
            submitted = submit(history, slug, file, opened, clock, problems_dir=problems_dir)
        current = history.get_set(submitted.attempt.set_id) if submitted.attempt else None
        state = progress(history, current, clock) if current else None
    report, attempt = submitted.report, submitted.attempt
    if as_json:
        click.echo(
            json.dumps(
                {
                    "schema": JSON_SCHEMA,
                    "attempt": attempt and attempt_to_dict(attempt),
                    "report": report_to_dict(report),
                },
                indent=2,
            )
        )
    else:
        console = Console()
        console_report.render(report, console)
        if attempt is None:
            err_console.print(Text("not recorded: the judge failed, not you", style="yellow"))
        else:
            console.print(
                Text(
                    f"recorded: {attempt.verdict.value} at {duration(attempt.elapsed_s)} "
                    + ("(late)" if attempt.late else "into the set"),
                    style="bold yellow" if attempt.late else "bold",
                )
            )
        if state is not None:
            console.print(
                Text.assemble(
                    f"solved {state.solved_on_time}/{len(state.encounters)} · ", time_left(state)
                )
            )
    sys.exit(exit_code_for(report.verdict))


@practice.command(short_help="Close the running set and print its summary.")
@db_option
@json_option
def finish(db_path: Path | None, as_json: bool) -> None:
    """Close the running set and print its summary: solved, time per problem, score."""
    from judge.practice.history import open_history
    from judge.practice.sets import finish
    from judge.reports.practice import progress_to_dict

    with open_history(db_path) as history:
        state = finish(history, _clock())
    if as_json:
        click.echo(json.dumps(progress_to_dict(state), indent=2))
        return
    practice_set = state.practice_set
    assert practice_set.finished_at is not None
    used = (practice_set.finished_at - practice_set.started_at).total_seconds()
    console = Console()
    console.print(Text("Practice set finished", style="bold"))
    console.print(status_table(state))
    console.print(
        Text(
            f"solved {state.solved_on_time}/{len(state.encounters)} in time"
            + (f" (+{state.solved_late} late)" if state.solved_late else "")
            + f" · score {state.score:g}/100 · took {duration(used)}"
            + f" of {duration(practice_set.minutes * 60)}",
            style="bold",
        )
    )
    console.print(
        Text("time per problem: from the previous solve (or the start) to its first AC", "dim")
    )


@click.command(short_help="Practice progress per skill, and what to review.")
@db_option
@json_option
def stats(db_path: Path | None, as_json: bool) -> None:
    """Progress over all practice: per skill and category, and what to review."""
    from judge.practice.history import open_history
    from judge.practice.stats import compute_stats
    from judge.reports.practice import stats_to_dict

    with open_history(db_path) as history:
        found = compute_stats(history)
    if as_json:
        click.echo(json.dumps(stats_to_dict(found), indent=2))
        return
    console = Console()
    if not found.sets:
        console.print("no practice yet: start with `judge practice start`")
        return
    console.print(Text(f"{found.sets} sets, {found.attempts} attempts", style="bold"))
    console.print(stats_table("by skill", found.skills))
    console.print(stats_table("by category", found.categories))
    console.print(problems_table(found.problems))
    review = Table(title="review queue", show_edge=False, title_justify="left")
    for column in ("slug", "title", "why", "last drawn"):
        review.add_column(column, no_wrap=column in ("slug", "last drawn"), overflow="fold")
    for item in found.review:
        review.add_row(
            Text(single_line(item.slug)),
            Text(single_line(item.title)),
            Text(printable(item.reason)),
            local(item.last_drawn),
        )
    console.print(review if found.review else Text("review queue: empty", style="green"))

"""Practice sets and stats for the terminal: rich tables from the practice library's data."""

from __future__ import annotations

from datetime import datetime

from rich.table import Table
from rich.text import Text

from judge.core.text import single_line
from judge.practice.encounters import Progress
from judge.practice.stats import ProblemRow, StatsRow


def duration(seconds: float) -> str:
    seconds = abs(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def local(moment: datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def time_left(state: Progress) -> Text:
    left = state.time_left_s
    if left >= 0:
        return Text(f"{duration(left)} left", style="bold green" if left > 300 else "bold yellow")
    return Text(f"over by {duration(left)}: submissions now count as late", style="bold red")


def status_table(state: Progress) -> Table:
    table = Table(show_edge=False)
    for column in ("#", "slug", "attempts", "last", "best", "solved", "time", "passed"):
        table.add_column(column, no_wrap=column == "slug")
    for encounter in state.encounters:
        last = encounter.attempts[-1] if encounter.attempts else None
        solved = (
            Text("no", style="red")
            if not encounter.solved
            else Text("yes", style="green")
            if encounter.solved_on_time
            else Text("late", style="yellow")
        )
        table.add_row(
            str(encounter.problem.position),
            Text(single_line(encounter.problem.slug)),
            str(len(encounter.attempts)),
            "-" if last is None else last.verdict.value + (" (late)" if last.late else ""),
            f"{encounter.best_score:g}",
            solved,
            "-" if encounter.solve_s is None else duration(encounter.solve_s),
            "-" if last is None else f"{last.cases_passed}/{last.cases_total}",
        )
    return table


def status_view(state: Progress) -> Table:
    view = Table.grid()
    view.add_row(Text.assemble(("Practice set · ", "bold"), time_left(state)))
    view.add_row(
        Text(
            f"started {local(state.practice_set.started_at)} · "
            f"deadline {local(state.practice_set.deadline)}",
            style="dim",
        )
    )
    view.add_row(status_table(state))
    view.add_row(
        Text(
            f"solved {state.solved_on_time}/{len(state.encounters)}"
            + (f" (+{state.solved_late} late)" if state.solved_late else "")
            + f" · score {state.score:g}/100"
            + f" · workspace {single_line(str(state.practice_set.workspace))}",
            style="dim",
        )
    )
    return view


def stats_table(title: str, rows: tuple[StatsRow, ...]) -> Table:
    table = Table(title=title, show_edge=False, title_justify="left")
    columns = (title.split()[1], "drawn", "tried", "attempts", "solved", "first try", "median")
    for index, column in enumerate(columns):
        table.add_column(column, no_wrap=index == 0)
    for row in rows:
        table.add_row(
            Text(single_line(row.name)),
            str(row.drawn),
            str(row.tried),
            str(row.attempts),
            str(row.solved),
            "-" if row.first_try_rate is None else f"{row.first_try_rate:.0%}",
            "-" if row.median_solve_s is None else duration(row.median_solve_s),
        )
    return table


def problems_table(rows: tuple[ProblemRow, ...]) -> Table:
    table = Table(title="by problem", show_edge=False, title_justify="left")
    for column in ("problem", "drawn", "attempts", "best score", "last verdict", "median"):
        table.add_column(column, no_wrap=column == "problem")
    for row in rows:
        table.add_row(
            Text(single_line(row.slug)),
            str(row.drawn),
            str(row.attempts),
            "-" if row.best_score is None else f"{row.best_score:g}",
            "-" if row.last_verdict is None else row.last_verdict.value,
            "-" if row.solve_s is None else duration(row.solve_s),
        )
    return table

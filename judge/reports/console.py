"""The human report of `judge run`: a verdict line, a table of groups, the first failure.

Every text that a user, a problem package or a submission chose (names, paths, messages,
inputs, answers) goes through `judge.core.text` and into `Text` objects, never into a
string that rich would read as markup: `[red]` in a file name is shown as typed.
"""

from __future__ import annotations

from rich.console import Console
from rich.console import Group as Stack
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from judge.core.text import printable, single_line
from judge.core.verdict import Report, Verdict

STYLES = {
    Verdict.AC: "bold green",
    Verdict.WA: "bold red",
    Verdict.TLE: "bold yellow",
    Verdict.MLE: "bold yellow",
    Verdict.OLE: "bold yellow",
    Verdict.RE: "bold magenta",
    Verdict.CE: "bold magenta",
    Verdict.IE: "bold white on red",
}


def verdict_text(verdict: Verdict) -> Text:
    return Text(f"{verdict.label} ({verdict.value})", style=STYLES[verdict])


def _ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3g} ms" if value < 1000 else f"{value / 1000:.2f} s"


def _mib(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} MiB"


def render(report: Report, console: Console) -> None:
    header = Text.assemble(
        (single_line(report.problem), "bold"),
        "  ·  ",
        single_line(report.submission),
        "  ·  ",
        f"{report.sandbox.kind} sandbox",
    )
    console.print(header)
    if report.sandbox.notice:
        console.print(
            Text(f"note: {printable(report.sandbox.notice)}", style="yellow"), soft_wrap=True
        )
    console.print(
        Text.assemble("Verdict: ", verdict_text(report.verdict), f"   score {report.score:g}/100")
    )
    if report.message:
        console.print(
            Panel(Text(printable(report.message)), title="why", border_style=STYLES[report.verdict])
        )
    if report.groups:
        table = Table(show_edge=False)
        for column in ("group", "passed", "verdict", "max time", "peak memory", "time limit"):
            table.add_column(column)
        for group in report.groups:
            passed = sum(case.verdict.accepted for case in group.cases)
            table.add_row(
                group.group.value,
                f"{passed}/{len(group.cases)}",
                Text(group.verdict.value, style=STYLES[group.verdict]),
                _ms(group.max_time_ms),
                _mib(group.max_memory_mib),
                f"{group.time_limit_s:g} s",
            )
        console.print(table)
        for group in report.groups:
            if group.time_limit_note:
                note = printable(group.time_limit_note)
                console.print(Text(f"{group.group.value} time limit: {note}", style="dim"))
    for note in report.notes:
        console.print(Text(f"note: {printable(note)}", style="yellow"))
    failure = report.first_failure
    if failure is not None:
        lines = [
            Text(
                f"{failure.group.value} case {failure.index}"
                + (", shrunk by Hypothesis" if failure.shrunk else ""),
                style="bold",
            )
        ]
        for label, value in (
            ("input", failure.input),
            ("expected", failure.expected),
            ("got", failure.got),
        ):
            if value is not None:
                lines.append(Text.assemble((f"{label:>9}: ", "bold"), printable(value)))
        if failure.message:
            lines.append(Text.assemble(("      why: ", "bold"), printable(failure.message)))
        console.print(
            Panel(
                Stack(*lines),
                title=f"first failure: {failure.verdict.label}",
                border_style=STYLES[failure.verdict],
            )
        )
    console.print(
        Text(
            f"seed {report.seed} · judged in {report.elapsed_s:.2f} s · judge {report.judge_version}",
            style="dim",
        )
    )

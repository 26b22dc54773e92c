"""A grading as JUnit XML, for the test panels of GitHub (through a JUnit action) and GitLab.

    <testsuites name="judge grade" tests failures errors time>
      <testsuite name="alice" ...>            one per candidate (candidate/problem: manifests)
        <properties> candidate, problem, submission, verdict, score, passed, seed, ...
        <testcase classname="alice/add" name="samples" time>     one per case group
          <failure type="WA" message="...">   the first failing case: its (minimal) input,
                                              the expected and the actual answer, the message
          <error type="IE" ...>               when the judge itself failed

Why the classname is candidate/problem and not the problem alone: GitLab keys a test by
classname and name and keeps only the first of duplicates, so with classname = problem every
candidate's "add / samples" would collapse into the first candidate's.

A group that never ran fails with the reason: the submission never ran (CE, or a limit hit
while importing), or every sample failed and the engine skipped the rest. So every suite
has the same three test cases. Texts come from untrusted
code: characters XML 1.0 cannot carry are escaped, never written raw.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from judge.core.text import xml_safe
from judge.core.verdict import CaseResult, Group, GroupResult, Report, Verdict
from judge.grading.results import Graded, Grading

MESSAGE_CHARS = 300
"""The `message` attribute is a one-line title (annotations show it); the text has the rest."""


def one_line(text: str, limit: int = MESSAGE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def case_detail(case: CaseResult) -> str:
    """The failing case as a few labelled lines: where, input, expected, got, message."""
    where = f"{case.group.value} case {case.index}" + (
        " (shrunk to a minimal failing input)" if case.shrunk else ""
    )
    lines = [f"{where}: {case.verdict.value} ({case.verdict.label})"]
    for label, value in (("input", case.input), ("expected", case.expected), ("got", case.got)):
        if value is not None:
            lines.append(f"{label + ':':<10}{value}")
    if case.message:
        lines.append(f"{'message:':<10}{case.message}")
    return "\n".join(lines)


def group_summary(group: GroupResult) -> str:
    passed = sum(case.verdict.accepted for case in group.cases)
    return (
        f"{group.group.value}: {group.verdict.value}, {passed}/{len(group.cases)} cases passed, "
        f"score {group.score:g}/{group.weight:g}"
    )


def render(grading: Grading) -> str:
    root = ET.Element("testsuites", name="judge grade")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for graded in grading.results:
        suite = _suite(grading, graded)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", _seconds(sum(graded.report.elapsed_s for graded in grading.results)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(grading: Grading, graded: Graded) -> ET.Element:
    report = graded.report
    suite = ET.Element("testsuite", name=xml_safe(grading.name(graded)))
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("candidate", graded.candidate),
        ("problem", report.problem),
        ("submission", report.submission),
        ("verdict", report.verdict.value),
        ("score", f"{report.score:g}"),
        ("passed", "true" if graded.passed else "false"),
        ("pass_rule", grading.rule.describe()),
        ("seed", str(report.seed)),
        ("sandbox", report.sandbox.kind),
        ("judge_version", report.judge_version),
    ):
        ET.SubElement(properties, "property", name=name, value=xml_safe(value))
    classname = xml_safe(f"{graded.candidate}/{report.problem}")
    by_group = {group.group: group for group in report.groups}
    failures = errors = 0
    for group in Group:
        case = ET.SubElement(suite, "testcase", classname=classname, name=group.value)
        result = by_group.get(group)
        if result is None:
            case.set("time", "0")
            failed = _not_run(case, report)
        else:
            case.set("time", _seconds(sum((c.wall_ms or 0.0) for c in result.cases) / 1000))
            failed = _group_outcome(case, result)
        failures += failed == "failure"
        errors += failed == "error"
    suite.set("tests", str(len(Group)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    suite.set("time", _seconds(report.elapsed_s))
    return suite


def _group_outcome(element: ET.Element, group: GroupResult) -> str:
    if group.verdict is Verdict.AC:
        return ""
    first = next(case for case in group.cases if not case.verdict.accepted)
    kind = "error" if group.verdict is Verdict.IE else "failure"
    title = f"{group.verdict.value}: {group.group.value} case {first.index}"
    if first.message:
        title += f": {first.message}"
    child = ET.SubElement(
        element, kind, type=group.verdict.value, message=xml_safe(one_line(title))
    )
    child.text = xml_safe(f"{group_summary(group)}\n\n{case_detail(first).rstrip()}\n")
    return kind


def _not_run(element: ET.Element, report: Report) -> str:
    """A group that never ran: the submission was rejected (CE, ...), every sample failed
    (the engine then skips the other groups), or the judge failed."""
    if report.verdict is Verdict.AC:  # cannot happen: an accepted report has every group
        return ""
    kind = "error" if report.verdict is Verdict.IE else "failure"
    reason = report.message or "; ".join(report.notes) or "not judged"
    title = f"{report.verdict.value}: not judged: {reason}"
    child = ET.SubElement(
        element, kind, type=report.verdict.value, message=xml_safe(one_line(title))
    )
    child.text = xml_safe(f"{report.verdict.value} ({report.verdict.label}): {reason.rstrip()}\n")
    return kind


def _seconds(value: float) -> str:
    return f"{value:.3f}"

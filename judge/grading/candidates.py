"""Who is graded on what: candidates from files, folders or a manifest, as tasks.

A task is one candidate's submission for one problem. Planning happens before any judging,
so that a missing file or a malformed manifest is a usage error (exit 2), not a half-done
grading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from judge.core.catalog import resolve
from judge.core.errors import UsageError
from judge.core.problem import Problem, load_problem

FOLDER_RULE = (
    "in a candidate's folder the submission is, in this order: <problem slug>.py (with '-' "
    "as '_'), <entry point>.py, solution.py, or else the folder's only .py file"
)


@dataclass(frozen=True)
class Task:
    """One candidate's submission for one problem."""

    candidate: str
    problem: Path
    """The problem package's folder (absolute), loaded again by each worker."""
    submission: Path


def find_submission(folder: Path, problem: Problem) -> Path:
    """The submission for `problem` in a candidate's folder, by `FOLDER_RULE`."""
    names = [f"{problem.slug.replace('-', '_')}.py", f"{problem.entry.name}.py", "solution.py"]
    for name in names:
        if (folder / name).is_file():
            return folder / name
    found = sorted(p for p in folder.glob("*.py") if p.is_file() and not p.name.startswith("."))
    if len(found) == 1:
        return found[0]
    listed = ", ".join(p.name for p in found) or "no .py file"
    raise UsageError(
        f"{folder}: cannot tell which file is the {problem.slug} submission "
        f"({listed}); {FOLDER_RULE}"
    )


def _candidate(path: Path, problem: Problem) -> Task:
    """A file is its own submission (candidate: its stem); a folder holds one (its name)."""
    if path.is_dir():
        return Task(path.name, problem.root.resolve(), find_submission(path, problem))
    if path.is_file():
        return Task(path.stem, problem.root.resolve(), path)
    raise UsageError(f"{path}: no such submission file or folder")


def plan_paths(problem: Problem, paths: Iterable[Path], folder: Path | None = None) -> list[Task]:
    """Tasks for submissions named one by one (files or candidate folders), then for every
    candidate in `folder`: each `*.py` file and each subfolder, sorted by name."""
    entries = [Path(path) for path in paths]
    if folder is not None:
        if not folder.is_dir():
            raise UsageError(f"{folder}: not a folder of submissions")
        found = [
            entry
            for entry in sorted(folder.iterdir())
            if _listed(entry) and (entry.is_dir() or entry.suffix == ".py")
        ]
        if not found:
            raise UsageError(f"{folder}: no submissions (.py files or candidate folders) in it")
        entries += found
    return _unique([_candidate(entry, problem) for entry in entries])


def _listed(entry: Path) -> bool:
    """Hidden entries and bytecode caches are never candidates."""
    return not entry.name.startswith(".") and entry.name != "__pycache__"


def _unique(tasks: list[Task]) -> list[Task]:
    seen: dict[tuple[str, Path], Task] = {}
    for task in tasks:
        key = (task.candidate, task.problem)
        if key in seen:
            raise UsageError(
                f"candidate {task.candidate!r} is given twice for {task.problem.name} "
                f"({seen[key].submission} and {task.submission}); rename one"
            )
        seen[key] = task
    return tasks


MANIFEST_KEYS = ("problems_dir", "problems", "submissions", "candidates")


def plan_manifest(path: Path, problems_dir: Path | None = None) -> list[Task]:
    """Tasks from a grading manifest (YAML); paths in it are relative to its folder.

    problems_dir: problems          # where slugs are found (--problems overrides it)
    problems: [two-sum, knapsack]   # with `submissions`: every candidate does these
    submissions: submissions        # a folder of candidate folders (`FOLDER_RULE`)
    candidates:                     # and/or explicit files or folders per candidate
      alice: {two-sum: alice/two_sum.py, knapsack: alice/}
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"{path}: cannot read the manifest: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise UsageError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: a manifest is a mapping with {', '.join(MANIFEST_KEYS)}")
    unknown = sorted(str(key) for key in data if key not in MANIFEST_KEYS)
    if unknown:
        raise UsageError(f"{path}: field {unknown[0]!r} is not one of {', '.join(MANIFEST_KEYS)}")
    base = path.parent
    folder = problems_dir or (base / str(data["problems_dir"]) if "problems_dir" in data else None)
    problems: dict[str, Problem] = {}

    def problem(name: object, field: str) -> Problem:
        if not isinstance(name, str) or not name:
            raise UsageError(f"{path}: field {field!r} must name a problem, got {name!r}")
        if name not in problems:
            local = base / name
            problems[name] = load_problem(local) if local.is_dir() else resolve(name, folder)
        return problems[name]

    tasks: list[Task] = []
    if ("problems" in data) != ("submissions" in data):
        raise UsageError(f"{path}: 'problems' and 'submissions' go together")
    if "problems" in data:
        names = data["problems"]
        if not isinstance(names, list) or not names:
            raise UsageError(f"{path}: field 'problems' must be a non-empty list of problems")
        chosen = [problem(name, f"problems[{i}]") for i, name in enumerate(names)]
        root = base / str(data["submissions"])
        if not root.is_dir():
            raise UsageError(f"{path}: field 'submissions': {root} is not a folder")
        for entry in sorted(p for p in root.iterdir() if p.is_dir() and _listed(p)):
            tasks += [Task(entry.name, p.root.resolve(), find_submission(entry, p)) for p in chosen]
    candidates = data.get("candidates", {})
    if not isinstance(candidates, dict):
        raise UsageError(f"{path}: field 'candidates' must map candidates to {{problem: path}}")
    for candidate, assigned in candidates.items():
        field = f"candidates.{candidate}"
        if not isinstance(candidate, (str, int)) or not str(candidate):
            raise UsageError(f"{path}: field {field!r}: a candidate is a name")
        if not isinstance(assigned, dict) or not assigned:
            raise UsageError(f"{path}: field {field!r} must map problems to files or folders")
        for name, target in assigned.items():
            chosen_problem = problem(name, f"{field}.{name}")
            if not isinstance(target, str):
                raise UsageError(f"{path}: field '{field}.{name}' must be a path")
            submission = base / target
            if submission.is_dir():
                submission = find_submission(submission, chosen_problem)
            elif not submission.is_file():
                raise UsageError(f"{path}: field '{field}.{name}': no such file {submission}")
            tasks.append(Task(str(candidate), chosen_problem.root.resolve(), submission))
    if not tasks:
        raise UsageError(f"{path}: the manifest names no submissions")
    return _unique(tasks)


# --- judging ----------------------------------------------------------------------------

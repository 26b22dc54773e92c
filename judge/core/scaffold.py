"""`judge new-problem`: write a new problem package and its labelled submissions.

The scaffold is a tiny real problem (count the distinct values of a list, or of a stream
for a class), so that `judge check` and the package's own tests pass as written; every
place an author replaces is marked `# TODO`.

The files come from templates under `templates/<kind>/`, a tree shaped like what is
written: `problem/*` goes into the package folder and `solutions/<verdict folder>/*` into
its labelled submissions. They are package data files rather than Python strings so that
an author of the judge reads and edits them as the YAML, Markdown and Python they become;
they end in `.tmpl` so that no linter, type checker or test collector mistakes them for
the judge's code. Each is a `string.Template`: `$slug`, `$title` and `$name` (the entry
point's name) are filled in, and a literal dollar is written `$$`.

Both folders are written beside their targets under temporary names, then renamed into
place: a failure leaves nothing behind, and nothing that exists is ever overwritten.
"""

from __future__ import annotations

import builtins
import keyword
import os
import re
import shutil
import string
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from judge.core.errors import UsageError

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""Lower-case words of letters and digits joined by single dashes, starting with a letter."""
MAX_SLUG = 64
TEMPLATE_SUFFIX = ".tmpl"
SCHEMA = "problem.schema.json"


def _templates() -> Traversable:
    return resources.files("judge.core").joinpath("templates")


def kinds() -> list[str]:
    """The entry kinds a scaffold exists for (`function`, `class`)."""
    return sorted(item.name for item in _templates().iterdir() if item.is_dir())


def schema_path() -> Path:
    """The JSON Schema of problem.yaml shipped with the package (for editors and tests)."""
    return Path(str(resources.files("judge.core").joinpath(SCHEMA)))


def entry_name(slug: str, kind: str) -> str:
    """The entry point's name: `count-words` is `count_words` (function) or `CountWords`."""
    words = slug.split("-")
    return "".join(word.capitalize() for word in words) if kind == "class" else "_".join(words)


def check_slug(slug: str, kind: str) -> None:
    """Refuse a slug that cannot name a folder, a command-line argument and an entry point."""
    if not SLUG.fullmatch(slug) or len(slug) > MAX_SLUG:
        raise UsageError(
            f"{slug!r} is not a slug: use lower-case letters, digits and single dashes, "
            f"starting with a letter, at most {MAX_SLUG} characters (e.g. count-words)"
        )
    name = entry_name(slug, kind)
    if keyword.iskeyword(name) or hasattr(builtins, name):
        raise UsageError(
            f"slug {slug!r} would name the entry point {name!r}, which is a Python keyword "
            f"or built-in; choose another slug (e.g. {slug}-list)"
        )


@dataclass(frozen=True)
class Scaffold:
    """What `new_problem` wrote."""

    problem: Path
    """The package folder."""
    solutions: Path
    """The folder of its labelled submissions."""
    files: tuple[Path, ...]
    """Every file written, package first."""


def default_solutions(problem: Path) -> Path:
    """Where `judge check` looks for a package's labelled submissions by default:
    `solutions/<slug>` beside the problems folder."""
    return problem.parent.parent / "solutions" / problem.name


def new_problem(slug: str, kind: str, problems: Path, solutions: Path | None = None) -> Scaffold:
    """Write the package `problems/<slug>` and its labelled submissions (by default
    `solutions/<slug>` beside `problems`). UsageError for a bad slug or kind, or when either
    folder exists and is not empty (nothing is written then)."""
    if kind not in kinds():
        raise UsageError(f"no scaffold for entry kind {kind!r}; choose one of {kinds()}")
    check_slug(slug, kind)
    problem = problems / slug
    solutions = solutions if solutions is not None else default_solutions(problem)
    for target in (problem, solutions):
        if target.exists() and not (target.is_dir() and not any(target.iterdir())):
            raise UsageError(f"{target} exists; choose another slug or move it away")
    values = {"slug": slug, "title": slug.replace("-", " ").title(), "name": entry_name(slug, kind)}
    root = _templates().joinpath(kind)
    written: list[Path] = []
    with _staged(problem) as staged_problem, _staged(solutions) as staged_solutions:
        for source, relative in _walk(root.joinpath("problem")):
            text = string.Template(source.read_text(encoding="utf-8")).substitute(values)
            if relative == ("problem.yaml",):
                text = schema_modeline(problem) + text
            _write(staged_problem, relative, text)
            written.append(problem.joinpath(*relative))
        for source, relative in _walk(root.joinpath("solutions")):
            text = string.Template(source.read_text(encoding="utf-8")).substitute(values)
            _write(staged_solutions, relative, text)
            written.append(solutions.joinpath(*relative))
        _publish(staged_problem, problem)
        try:
            _publish(staged_solutions, solutions)
        except BaseException:
            shutil.rmtree(problem, ignore_errors=True)  # ours: it was renamed into place above
            raise
    return Scaffold(problem, solutions, tuple(written))


def _walk(
    folder: Traversable, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[Traversable, tuple[str, ...]]]:
    """Each template under `folder` with its output path (the `.tmpl` suffix dropped)."""
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if item.is_dir():
            yield from _walk(item, (*prefix, item.name))
        elif item.name.endswith(TEMPLATE_SUFFIX):
            yield item, (*prefix, item.name.removesuffix(TEMPLATE_SUFFIX))


def _write(folder: Path, relative: tuple[str, ...], text: str) -> None:
    path = folder.joinpath(*relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@contextmanager
def _staged(target: Path) -> Iterator[Path]:
    """A fresh folder beside `target`, with the permissions the umask gives (not mkdtemp's
    0700, which would hide the package from other users), removed on the way out unless it
    was renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(path, 0o777 & ~umask)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _publish(staged: Path, target: Path) -> None:
    """Rename a staged folder into place; an empty folder there is replaced, anything else
    that appeared meanwhile is refused."""
    try:
        os.rename(staged, target)
    except OSError as error:
        raise UsageError(f"{target} exists and is not empty ({error.strerror})") from None


def schema_modeline(problem: Path) -> str:
    """The modeline that points YAML editors at the schema, when the package lives in the
    same tree as the judge's source (a checkout): a relative path then stays true for
    everyone who clones it. Elsewhere it would name one machine's install, so none is
    written (docs/authoring.md says how to map the schema in an editor instead)."""
    schema = schema_path().resolve()
    checkout = schema.parents[2]
    folder = problem.resolve()
    if not folder.is_relative_to(checkout):
        return ""
    return f"# yaml-language-server: $schema={os.path.relpath(schema, folder)}\n"

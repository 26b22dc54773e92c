"""Mutants of a reference: the candidates of `operators.py` made into checked source files.

A mutant is kept only when its text parses back to exactly the tree its operator meant
(with parentheses added where precedence needs them), compiles, and differs from the
reference and from every mutant before it. So no mutant is invalid code, and no two are the
same program.

Ids are deterministic and survive edits elsewhere in the file: the operator kind and a hash
of the changed lines (whitespace stripped), e.g. `comparison-3fa2b1c0`, with `-2`, `-3`
for a repeat of the same change to an identical line. Moving code keeps the id; changing
the mutated line itself makes a new one, so an equivalence claimed for the old line is
looked at again.
"""

from __future__ import annotations

import ast
import copy
import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from judge.core.mutation.operators import Candidate, OperatorKind, candidates
from judge.core.mutation.source import Source, TextEdit

DIFF_CONTEXT = 1
"""Unchanged lines shown around a change."""


@dataclass(frozen=True)
class Mutant:
    id: str
    kind: OperatorKind
    line: int
    """The first line of the reference that the mutant changes."""
    source: str
    diff: str
    """A unified diff from the reference to the mutant."""

    @property
    def summary(self) -> str:
        """The id, the line and the kind: `comparison-3fa2b1c0 (line 12, comparison)`."""
        return f"{self.id} (line {self.line}, {self.kind.value})"


def generate(text: str, filename: str = "reference.py") -> list[Mutant]:
    """Every mutant of a module's source, in a fixed order; SyntaxError if it does not parse."""
    tree = ast.parse(text, filename)
    source = Source(text)
    seen = {_canonical(tree)}
    ids: set[str] = set()
    mutants = []
    for candidate in candidates(tree, source):
        intended = _canonical(_applied(tree, candidate))
        if intended in seen:
            continue
        mutated = _text_for(candidate, source, intended, filename)
        if mutated is None:
            continue
        seen.add(intended)
        diff = _diff(text, mutated, filename)
        mutant_id = _identify(candidate.kind, diff, ids)
        ids.add(mutant_id)
        mutants.append(
            Mutant(mutant_id, candidate.kind, _first_changed_line(text, mutated), mutated, diff)
        )
    return mutants


def _canonical(tree: ast.AST) -> str:
    """The tree as Python would parse its own unparsed text (`-1` is a negated constant)."""
    return ast.dump(ast.parse(ast.unparse(tree)))


def _applied(tree: ast.Module, candidate: Candidate) -> ast.Module:
    mutated = copy.deepcopy(tree)
    parent: ast.AST = mutated
    for field, index in candidate.path[:-1]:
        value = getattr(parent, field)
        parent = value if index is None else value[index]
    field, index = candidate.path[-1]
    new = copy.deepcopy(candidate.new)
    if index is None:
        setattr(parent, field, new)
    else:
        getattr(parent, field)[index] = new
    return mutated


def _text_for(candidate: Candidate, source: Source, intended: str, filename: str) -> str | None:
    """The mutant's text when it means exactly `intended` and compiles, else None."""
    variants = [candidate.edits]
    if candidate.parenthesize:
        (edit,) = candidate.edits
        variants.append((TextEdit(edit.start, edit.end, f"({edit.text})"),))
    for edits in variants:
        text = _edited(source.data, edits)
        try:
            parsed = ast.parse(text, filename)
        except SyntaxError:
            continue
        if ast.dump(parsed) != intended:
            continue
        try:
            compile(parsed, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            return None
        return text
    return None


def _edited(data: bytes, edits: Iterable[TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        data = data[: edit.start] + edit.text.encode("utf-8") + data[edit.end :]
    return data.decode("utf-8")


def _diff(before: str, after: str, filename: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        f"a/{filename}",
        f"b/{filename}",
        n=DIFF_CONTEXT,
    )
    return "".join(line if line.endswith("\n") else f"{line}\n" for line in lines)


def _changed_lines(diff: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in diff.splitlines():
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("-"):
            removed.append(line[1:].strip())
        elif line.startswith("+"):
            added.append(line[1:].strip())
    return removed, added


def _identify(kind: OperatorKind, diff: str, taken: set[str]) -> str:
    removed, added = _changed_lines(diff)
    key = "\0".join([kind.value, "\n".join(removed), "\n".join(added)])
    base = f"{kind.value}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}"
    mutant_id, repeat = base, 1
    while mutant_id in taken:
        repeat += 1
        mutant_id = f"{base}-{repeat}"
    return mutant_id


def _first_changed_line(before: str, after: str) -> int:
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), False)
    for tag, first, _, _, _ in matcher.get_opcodes():
        if tag != "equal":
            return first + 1
    return 1

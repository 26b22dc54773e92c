"""Mutation operators: where a reference can be changed, as AST edits with their text edits.

Every candidate says two things about one change: the tree it should give (`path` and
`new`, applied to a copy of the module's tree) and the text edits that should give that tree
(byte offsets into the source, so comments and formatting stay). `mutants.py` applies the
text, parses it back and keeps the mutant only when the two agree: a mutant is never code
that means something other than its description, and never code that does not compile.

Not mutated: docstrings, imports, type annotations (never evaluated in a function's body,
and only a trivial crash in a signature), and `def`/`class` statements as a whole.
"""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from judge.core.mutation.source import Source, TextEdit


class OperatorKind(str, enum.Enum):
    """The kinds of change made to a reference, each a bug a candidate might write."""

    ARITHMETIC = "arithmetic"
    """`+` ↔ `-`, `*` → `/`, `//` → `/`, `%` → `/`, `**` → `*`, bit operators; `-x` → `x`."""
    COMPARISON = "comparison"
    """A bound moved (`<` ↔ `<=`) or negated (`<` → `>=`); `==` ↔ `!=`, `is`, `in` negated."""
    LOGICAL = "logical"
    """`and` ↔ `or`; `not x` → `x`."""
    CONSTANT = "constant"
    """An integer ± 1, a float + 1, `True` ↔ `False`, a string emptied or padded."""
    OFF_BY_ONE = "off-by-one"
    """A computed index, slice bound or `range` argument ± 1 (literal ones are constants)."""
    STATEMENT_REMOVED = "statement-removed"
    """A statement (a whole loop or branch included) replaced by `pass`."""
    STATEMENTS_SWAPPED = "statements-swapped"
    """Two adjacent statements of one block in the other order."""
    ARGUMENTS_SWAPPED = "arguments-swapped"
    """Two adjacent positional arguments of a call in the other order."""
    EARLY_RETURN = "early-return"
    """The function's final `return` (or a bare one) placed before one of its statements."""


NodePath = tuple[tuple[str, int | None], ...]
"""Fields (and list indexes) from the module down to a node, or to a list of statements
(then the last index is None)."""


@dataclass(frozen=True)
class Candidate:
    kind: OperatorKind
    path: NodePath
    new: Any
    """The node (or list of statements) that goes at `path` in a copy of the tree."""
    edits: tuple[TextEdit, ...]
    parenthesize: bool = False
    """A single expression edit that may need parentheses to keep its meaning."""


_BINARY: dict[type[ast.operator], tuple[type[ast.operator], ...]] = {
    ast.Add: (ast.Sub,),
    ast.Sub: (ast.Add,),
    ast.Mult: (ast.Div,),
    ast.Div: (ast.Mult,),
    ast.FloorDiv: (ast.Div,),
    ast.Mod: (ast.Div,),
    ast.Pow: (ast.Mult,),
    ast.LShift: (ast.RShift,),
    ast.RShift: (ast.LShift,),
    ast.BitAnd: (ast.BitOr,),
    ast.BitOr: (ast.BitAnd,),
    ast.BitXor: (ast.BitAnd,),
    ast.MatMult: (ast.Mult,),
}
_COMPARE: dict[type[ast.cmpop], tuple[type[ast.cmpop], ...]] = {
    ast.Lt: (ast.LtE, ast.GtE),
    ast.LtE: (ast.Lt, ast.Gt),
    ast.Gt: (ast.GtE, ast.LtE),
    ast.GtE: (ast.Gt, ast.Lt),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
}
_SKIPPED_FIELDS = {"annotation", "returns", "type_comment", "decorator_list"}
_KEPT_STATEMENTS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)
"""Never removed, swapped or mutated as a whole (their insides are)."""


def candidates(tree: ast.Module, source: Source) -> Iterator[Candidate]:
    """Every candidate mutation of the module, in a fixed order (source order per kind)."""
    for node, path in _walk(tree, ()):
        yield from _expression(node, path, source)
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                yield from _block(body, (*path, (field, None)), source)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield from _early_returns(node, path, source)


def _walk(node: ast.AST, path: NodePath) -> Iterator[tuple[ast.AST, NodePath]]:
    if isinstance(node, (ast.Import, ast.ImportFrom)) or _is_docstring(node):
        return
    yield node, path
    if isinstance(node, ast.JoinedStr):  # an f-string: only the expressions it formats
        for index, part in enumerate(node.values):
            if isinstance(part, ast.FormattedValue):
                yield from _walk(part.value, (*path, ("values", index), ("value", None)))
        return
    for field, value in ast.iter_fields(node):
        if field in _SKIPPED_FIELDS:
            continue
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield from _walk(item, (*path, (field, index)))
        elif isinstance(value, ast.AST):
            yield from _walk(value, (*path, (field, None)))


def _is_docstring(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _replace(
    kind: OperatorKind, path: NodePath, node: ast.AST, new: ast.AST, source: Source
) -> Candidate:
    start, end = source.span(node)
    return Candidate(kind, path, new, (TextEdit(start, end, ast.unparse(new)),), True)


def _expression(node: ast.AST, path: NodePath, source: Source) -> Iterator[Candidate]:
    if not hasattr(node, "end_col_offset") or isinstance(node, ast.stmt):
        if isinstance(node, ast.AugAssign):
            for op in _BINARY.get(type(node.op), ()):
                new = ast.AugAssign(node.target, op(), node.value)
                yield _replace(OperatorKind.ARITHMETIC, path, node, new, source)
        return
    kind = OperatorKind
    if isinstance(node, ast.BinOp):
        for op in _BINARY.get(type(node.op), ()):
            yield _replace(
                kind.ARITHMETIC, path, node, ast.BinOp(node.left, op(), node.right), source
            )
    elif isinstance(node, ast.UnaryOp) and not isinstance(node.operand, ast.Constant):
        if isinstance(node.op, (ast.USub, ast.Invert)):
            yield _replace(kind.ARITHMETIC, path, node, node.operand, source)
        elif isinstance(node.op, ast.Not):
            yield _replace(kind.LOGICAL, path, node, node.operand, source)
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield _replace(kind.LOGICAL, path, node, ast.BoolOp(other, node.values), source)
    elif isinstance(node, ast.Compare):
        for index, comparison in enumerate(node.ops):
            for swapped in _COMPARE[type(comparison)]:
                ops = [*node.ops[:index], swapped(), *node.ops[index + 1 :]]
                compare = ast.Compare(node.left, ops, node.comparators)
                yield _replace(kind.COMPARISON, path, node, compare, source)
    elif isinstance(node, ast.Constant):
        for value in _constants(node.value):
            yield _replace(kind.CONSTANT, path, node, ast.Constant(value), source)
    elif isinstance(node, ast.Call):
        yield from _call(node, path, source)
    elif isinstance(node, ast.Subscript):
        yield from _bounds(node.slice, (*path, ("slice", None)), source)


def _constants(value: object) -> tuple[Any, ...]:
    if isinstance(value, bool):
        return (not value,)
    if isinstance(value, int):
        return (value + 1, value - 1)
    if isinstance(value, float):
        return (value + 1.0,)
    if isinstance(value, str):
        return (f"XX{value}XX", "") if value else ("XX",)
    return ()


def _call(node: ast.Call, path: NodePath, source: Source) -> Iterator[Candidate]:
    args = node.args
    if isinstance(node.func, ast.Name) and node.func.id == "range":
        for index, arg in enumerate(args):
            yield from _plus_minus_one(arg, (*path, ("args", index)), source)
    if any(isinstance(arg, ast.Starred) for arg in args):
        return
    for index in range(len(args) - 1):
        first, second = args[index], args[index + 1]
        swapped = [*args[:index], second, first, *args[index + 2 :]]
        (a_start, a_end), (b_start, b_end) = source.span(first), source.span(second)
        edits = (
            TextEdit(b_start, b_end, source.segment(first)),
            TextEdit(a_start, a_end, source.segment(second)),
        )
        new = ast.Call(node.func, swapped, node.keywords)
        yield Candidate(OperatorKind.ARGUMENTS_SWAPPED, path, new, edits)


def _bounds(index: ast.expr, path: NodePath, source: Source) -> Iterator[Candidate]:
    if isinstance(index, ast.Slice):
        for field in ("lower", "upper"):
            bound = getattr(index, field)
            if bound is not None:
                yield from _plus_minus_one(bound, (*path, (field, None)), source)
    elif not isinstance(index, ast.Tuple):
        yield from _plus_minus_one(index, path, source)


def _plus_minus_one(node: ast.expr, path: NodePath, source: Source) -> Iterator[Candidate]:
    """`e + 1` and `e - 1` for a computed index (literals, `-1` included, are constants)."""
    literal = isinstance(node, ast.Constant) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant)
    )
    if literal or isinstance(node, ast.Starred):
        return
    for op in (ast.Add(), ast.Sub()):
        new = ast.BinOp(node, op, ast.Constant(1))
        yield _replace(OperatorKind.OFF_BY_ONE, path, node, new, source)


def _block(body: Sequence[ast.stmt], path: NodePath, source: Source) -> Iterator[Candidate]:
    """Each statement removed, and each adjacent pair swapped."""
    field = path[-1][0]
    for index, statement in enumerate(body):
        if isinstance(statement, (ast.Pass, *_KEPT_STATEMENTS)) or _is_docstring(statement):
            continue
        if field == "body" and index == len(body) - 1 and _returns_none(statement):
            continue  # the end of a function (or of nothing: then it does not compile)
        if field == "orelse" and len(body) == 1 and isinstance(statement, ast.If):
            continue  # an `elif`: its own statements are removed one by one instead
        start, end = source.span(statement)
        new_body = [*body[:index], ast.Pass(), *body[index + 1 :]]
        yield Candidate(
            OperatorKind.STATEMENT_REMOVED, path, new_body, (TextEdit(start, end, "pass"),)
        )
    for index in range(len(body) - 1):
        first, second = body[index], body[index + 1]
        if any(isinstance(s, _KEPT_STATEMENTS) or _is_docstring(s) for s in (first, second)):
            continue
        (a_start, a_end), (b_start, b_end) = source.span(first), source.span(second)
        edits = (
            TextEdit(b_start, b_end, source.segment(first)),
            TextEdit(a_start, a_end, source.segment(second)),
        )
        new_body = [*body[:index], second, first, *body[index + 2 :]]
        yield Candidate(OperatorKind.STATEMENTS_SWAPPED, path, new_body, edits)


def _returns_none(statement: ast.stmt) -> bool:
    value = statement.value if isinstance(statement, ast.Return) else ...
    return value is None or (isinstance(value, ast.Constant) and value.value is None)


def _early_returns(
    function: ast.FunctionDef | ast.AsyncFunctionDef, path: NodePath, source: Source
) -> Iterator[Candidate]:
    """The final `return E` (or `return`) inserted before each earlier top-level statement
    of the body where every local name E reads is already bound (else: a trivial crash)."""
    body = function.body
    last = body[-1]
    value = last.value if isinstance(last, ast.Return) else None
    ends = len(body) - 1 if isinstance(last, ast.Return) else len(body)
    first = 1 if _is_docstring(body[0]) else 0
    arguments = {arg.arg for arg in ast.walk(function.args) if isinstance(arg, ast.arg)}
    local = _stored(body) - arguments
    read = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value else set()
    text = "return" if value is None else f"return {ast.unparse(value)}"
    for index in range(first, ends):
        statement = body[index]
        indentation = source.indentation(statement)
        if indentation is None or read & (local - _stored(body[:index])):
            continue
        offset = source.offset(statement.lineno, statement.col_offset)
        edit = TextEdit(offset, offset, f"{text}\n{indentation}")
        new_body = [*body[:index], ast.Return(value), *body[index:]]
        yield Candidate(OperatorKind.EARLY_RETURN, (*path, ("body", None)), new_body, (edit,))


def _stored(statements: Sequence[ast.stmt]) -> set[str]:
    names = set()
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
    return names

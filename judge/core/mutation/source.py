"""The reference's text as the mutator edits it: byte offsets for AST positions, and edits.

AST columns count UTF-8 bytes, not characters, so every offset here is a byte offset into
the encoded source: a line with an "é" before the mutated expression splices correctly.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class TextEdit:
    start: int
    end: int
    """Byte offsets into the UTF-8 source, end exclusive (start == end: an insertion)."""
    text: str


class Source:
    """The reference's text with byte offsets for AST positions (which count UTF-8 bytes)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self._line_starts = [0]
        for line in self.data.splitlines(keepends=True):
            self._line_starts.append(self._line_starts[-1] + len(line))

    def offset(self, line: int, column: int) -> int:
        return self._line_starts[line - 1] + column

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        return start, self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]

    def segment(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.data[start:end].decode("utf-8")

    def indentation(self, node: ast.stmt) -> str | None:
        """The whitespace before a statement on its line, or None when code precedes it."""
        start = self._line_starts[node.lineno - 1]
        before = self.data[start : start + node.col_offset].decode("utf-8")
        return before if not before.strip() else None

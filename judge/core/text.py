"""Untrusted text made safe to show: one place for every rule about what may reach a reader.

File names, candidate names, messages and tracebacks are chosen by users and submissions. A
terminal obeys control sequences, a right-to-left override reorders what follows it, a lone
surrogate cannot even be written as UTF-8, and a newline in a file name can forge a whole
report line. Each such character is shown as a visible escape (`\\x1b`, `\\u202e`) instead.

- `printable`: multi-line text (messages, tracebacks): newlines and tabs stay.
- `single_line`: names and one-line fields: newlines, tabs and every invisible format
  character are escaped too, so a name can never look like two lines or like another name.
- `xml_safe`: what XML 1.0 can carry at all (JUnit reports).
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidirectional controls: marks, embeddings, overrides and isolates."""
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 and C1 controls except tab and newline (ESC starts every terminal sequence)."""
_SURROGATES = "\ud800-\udfff"

_UNPRINTABLE = re.compile(f"[{_CONTROLS}{_BIDI}{_SURROGATES}]")
_NOT_ONE_LINE = re.compile(
    f"[\t\n{_CONTROLS}{_BIDI}{_SURROGATES}\u00ad\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff]"
)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Text for a terminal or a document: controls, bidi overrides and lone surrogates
    become visible escapes; newlines and tabs stay."""
    return _UNPRINTABLE.sub(_escape, text)


def single_line(text: str) -> str:
    """A name or one-line field: as `printable`, and newlines, tabs and invisible format
    characters escaped too."""
    return _NOT_ONE_LINE.sub(_escape, text)


def xml_safe(text: str) -> str:
    """Text XML 1.0 can hold: characters it cannot carry become visible escapes."""
    return _NOT_XML.sub(_escape, text)

"""GitHub Actions: where a job's Markdown step summary goes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def append_step_summary(markdown: str, environ: Mapping[str, str] | None = None) -> Path | None:
    """Append to $GITHUB_STEP_SUMMARY when GitHub Actions set it; the file is GitHub's, so
    this appends (in one write) rather than replacing."""
    target = (environ if environ is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    with open(target, "a", encoding="utf-8") as stream:
        stream.write(markdown if markdown.endswith("\n") else markdown + "\n")
    return Path(target)

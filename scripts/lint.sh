#!/usr/bin/env bash
# Lint and type gates, as CI runs them: ruff (lint and format) over the judge, its tests and
# the problem packages, and mypy --strict over the judge and its tests, with the versions
# pinned in pyproject.toml's dev extra.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -x .venv/bin/python ]]; then
    printf 'lint.sh: creating .venv\n' >&2
    python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -e '.[dev]'

.venv/bin/ruff check judge tests problems
.venv/bin/ruff format --check judge tests problems
.venv/bin/mypy

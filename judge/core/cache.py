"""Where the judge keeps what it can recompute: calibrations and suites, per machine.

`$JUDGE_CACHE_DIR` overrides the user cache folder (tests use a fresh one). Everything here
is optional: a cache that cannot be read is rebuilt, one that cannot be written is a
warning in the report, never a failed judgement.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

CACHE_ENV = "JUDGE_CACHE_DIR"


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("judge"))

"""The folder a session mounts or runs from: the harness, the wire module and the submission.

The submission is copied, never referenced in place, so the sandbox sees nothing of the
folder it came from (other submissions, the problem package, the user's files).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

INSIDE_DIR = Path(__file__).parent / "inside"
"""Everything the sandbox may see of the judge: nothing else of the package is mounted."""
HARNESS_FILES = ("harness.py", "wire.py")
SUBMISSION_NAME = "solution.py"


def stage(submission: Path) -> Path:
    """A fresh world-readable folder with the harness files and a copy of the submission."""
    folder = Path(tempfile.mkdtemp(prefix="judge-stage-"))
    try:
        folder.chmod(0o755)
        for name in HARNESS_FILES:
            shutil.copyfile(INSIDE_DIR / name, folder / name)
        shutil.copyfile(submission, folder / SUBMISSION_NAME)
        for path in folder.iterdir():
            path.chmod(0o644)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder

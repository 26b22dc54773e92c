"""The folder a session mounts or runs from: the harness, the wire module and the submission.

The submission is copied, never referenced in place, so the sandbox sees nothing of the
folder it came from (other submissions, the problem package, the user's files). It is read
as the judge reads anything a user hands it: a regular file, opened without following a
link (a link to the reference, or to a file only root may read, would otherwise be copied
by a judge running as root), never a device or a FIFO, and no larger than a source file.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

INSIDE_DIR = Path(__file__).parent / "inside"
"""Everything the sandbox may see of the judge: nothing else of the package is mounted."""
HARNESS_FILES = ("harness.py", "wire.py", "entrypoints.py")
SUBMISSION_NAME = "solution.py"
MAX_SUBMISSION_BYTES = 8 << 20
"""No honest source file comes near this; a bigger one is refused before anything runs."""


class SubmissionRefused(Exception):
    """The submission path is not a regular file the judge will read (the user's fault)."""


def read_submission(path: Path) -> bytes:
    """The bytes of a submission file, refusing links, special files and huge files.

    The file is opened once without following a final symlink and without blocking (a FIFO
    would hang a plain open), then checked through its descriptor, so what is checked is
    what is read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise SubmissionRefused("it is a symbolic link; give the file itself") from None
        raise SubmissionRefused(f"it cannot be read ({error.strerror or error})") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise SubmissionRefused("it is not a regular file")
        if info.st_size > MAX_SUBMISSION_BYTES:
            raise SubmissionRefused(
                f"it has {info.st_size} bytes; a submission may have {MAX_SUBMISSION_BYTES}"
            )
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_SUBMISSION_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_SUBMISSION_BYTES:
        raise SubmissionRefused(f"it grew past {MAX_SUBMISSION_BYTES} bytes while being read")
    return data


def make_stage() -> Path:
    """A fresh world-readable folder with the harness files; the submission comes later."""
    folder = Path(tempfile.mkdtemp(prefix="judge-stage-"))
    try:
        folder.chmod(0o755)
        for name in HARNESS_FILES:
            shutil.copyfile(INSIDE_DIR / name, folder / name)
            (folder / name).chmod(0o644)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def stage(submission: Path) -> Path:
    """A staging folder with the submission copied in; SubmissionRefused when the
    submission is not a file the judge will read."""
    source = read_submission(submission)
    folder = make_stage()
    try:
        (folder / SUBMISSION_NAME).write_bytes(source)
        (folder / SUBMISSION_NAME).chmod(0o644)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder

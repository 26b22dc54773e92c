"""A package's `mutants.yaml`: the mutants of its reference that no test can kill, and why.

    # problems/knapsack/mutants.yaml
    equivalent:
      constant-d49649cf: the lists always have the same length, so zip's strict never fires

Each key is a mutant id as `judge check --mutants` prints it; each value a one-line reason.
The file is optional. An id that names no mutant of the current reference, a reason that is
empty or spans lines, or any other field is refused with the file and the field named.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

import yaml

from judge.core.errors import ProblemError
from judge.core.fields import Fields

FILENAME = "mutants.yaml"


def load_equivalents(folder: Path, known: Collection[str]) -> Mapping[str, str]:
    """Mutant id → reason, from the package's `mutants.yaml` (empty when there is none).
    `known` are the ids of the reference's mutants: any other id is an error."""
    path = folder / FILENAME
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ProblemError(path, f"is not valid YAML: {error}") from None
    top = Fields(path, {} if data is None else data)
    listed = top.get("equivalent", dict, {})
    top.done()
    reasons: dict[str, str] = {}
    for key, reason in listed.items():
        field = f"equivalent.{key}"
        if not isinstance(key, str) or key not in known:
            raise ProblemError(
                path, "is not a mutant of reference.py (see `judge check --mutants`)", field
            )
        if not isinstance(reason, str) or not reason.strip() or "\n" in reason.strip():
            raise ProblemError(path, "must be a one-line reason", field)
        reasons[key] = reason.strip()
    return reasons

"""The small public API for problem authors: what `properties.py` files import from judge.

A properties module defines:

    cases() -> SearchStrategy[Case]          property cases (small, edge and typical)
    stress_cases(rng: random.Random) -> list[Case]   cases at the stated maximum sizes
    check(context: CheckContext) -> Check    only when problem.yaml says `checker: custom`
    from_example(values: dict) -> Case       optional: turn a YAML example into a case

For a function entry point a case is a dict of argument name to value. For a class entry
point it is a `Script`: constructor arguments, then batches of method calls.

Only re-exports: the definitions live in `judge.core`, and may move there; this face stays.
"""

from judge.core.cases import Case, Script, Step, script_from_calls, stream
from judge.core.checkers import Check, CheckContext, Tolerance

__all__ = [
    "Case",
    "Check",
    "CheckContext",
    "Script",
    "Step",
    "Tolerance",
    "script_from_calls",
    "stream",
]

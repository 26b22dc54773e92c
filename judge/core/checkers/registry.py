"""The built-in checkers by name: what each `checker` of problem.yaml (but `custom`) runs.

Imported when a problem's checker is first needed (`Problem.checker`), not when a problem
loads: the checkers import numpy, which listing or showing problems never needs.
"""

from __future__ import annotations

from judge.core.checkers.base import Checker, CheckerName
from judge.core.checkers.exact import exact, unordered
from judge.core.checkers.numeric import close, close_up_to_sign
from judge.core.checkers.subspace import subspace

BUILT_IN: dict[CheckerName, Checker] = {
    CheckerName.EXACT: exact,
    CheckerName.UNORDERED: unordered,
    CheckerName.FLOAT: close,
    CheckerName.FLOAT_UP_TO_SIGN: close_up_to_sign,
    CheckerName.SUBSPACE: subspace,
}

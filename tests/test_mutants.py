"""The mutant gate (`judge check --mutants`): the mutator, `mutants.yaml`, and the gate itself
on a deliberately weak package and on every problem of the catalogue."""

from __future__ import annotations

import ast
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import main
from judge.core.engine import JudgeOptions
from judge.core.errors import ProblemError
from judge.core.mutation.equivalents import load_equivalents
from judge.core.mutation.gate import THRESHOLD, run_gate
from judge.core.mutation.mutants import Mutant, generate
from judge.core.mutation.operators import OperatorKind
from judge.grading.pool import default_jobs

ROOT = Path(__file__).resolve().parent.parent
ADD = Path(__file__).resolve().parent / "fixtures" / "problems" / "add"

EXAMPLE = textwrap.dedent(
    '''\
    """A module docstring is never mutated."""


    def f(xs: list[int], n: int) -> int:
        """Neither is a function's."""
        total = 0
        for i in range(n):
            if xs[i] > 0 and not total:
                total += xs[i] * 2
        total = max(total, len(xs))
        return total
    '''
)


def _changes(mutants: list[Mutant]) -> dict[tuple[str, str], Mutant]:
    """Each mutant by (first removed line, first added line), whitespace stripped."""
    found = {}
    for mutant in mutants:
        lines = mutant.diff.splitlines()[2:]
        removed = [line[1:].strip() for line in lines if line.startswith("-")]
        added = [line[1:].strip() for line in lines if line.startswith("+")]
        found[(removed[0] if removed else "", added[0] if added else "")] = mutant
    return found


def test_every_operator_kind_on_a_small_example() -> None:
    mutants = generate(EXAMPLE, "example.py")
    changes = _changes(mutants)
    expected = {
        OperatorKind.ARITHMETIC: [
            ("total += xs[i] * 2", "total -= xs[i] * 2"),
            ("total += xs[i] * 2", "total += xs[i] / 2"),
        ],
        OperatorKind.COMPARISON: [
            ("if xs[i] > 0 and not total:", "if xs[i] >= 0 and not total:"),
            ("if xs[i] > 0 and not total:", "if xs[i] <= 0 and not total:"),
        ],
        OperatorKind.LOGICAL: [
            ("if xs[i] > 0 and not total:", "if xs[i] > 0 or not total:"),
            ("if xs[i] > 0 and not total:", "if xs[i] > 0 and total:"),
        ],
        OperatorKind.CONSTANT: [
            ("total = 0", "total = 1"),
            ("total = 0", "total = -1"),
            ("total += xs[i] * 2", "total += xs[i] * 3"),
        ],
        OperatorKind.OFF_BY_ONE: [
            ("for i in range(n):", "for i in range(n + 1):"),
            ("for i in range(n):", "for i in range(n - 1):"),
            ("total += xs[i] * 2", "total += xs[i + 1] * 2"),
        ],
        OperatorKind.STATEMENT_REMOVED: [("total = max(total, len(xs))", "pass")],
        OperatorKind.STATEMENTS_SWAPPED: [("total = 0", "total = 0")],
        OperatorKind.ARGUMENTS_SWAPPED: [
            ("total = max(total, len(xs))", "total = max(len(xs), total)")
        ],
        OperatorKind.EARLY_RETURN: [("", "return total")],
    }
    for kind, pairs in expected.items():
        for pair in pairs:
            assert pair in changes, f"{kind.value}: {pair} not among {sorted(changes)}"
            assert changes[pair].kind is kind
    assert {mutant.kind for mutant in mutants} == set(OperatorKind)


def test_the_diff_is_a_unified_diff_of_the_one_change() -> None:
    mutant = _changes(generate(EXAMPLE, "example.py"))[
        ("if xs[i] > 0 and not total:", "if xs[i] >= 0 and not total:")
    ]
    assert mutant.line == 8
    assert mutant.diff == (
        "--- a/example.py\n"
        "+++ b/example.py\n"
        "@@ -7,3 +7,3 @@\n"
        "     for i in range(n):\n"
        "-        if xs[i] > 0 and not total:\n"
        "+        if xs[i] >= 0 and not total:\n"
        "             total += xs[i] * 2\n"
    )
    assert mutant.source == EXAMPLE.replace("xs[i] > 0", "xs[i] >= 0")
    assert mutant.summary == f"{mutant.id} (line 8, comparison)"


def test_mutants_are_valid_distinct_and_leave_docstrings_and_annotations_alone() -> None:
    mutants = generate(EXAMPLE, "example.py")
    trees = {ast.dump(ast.parse(mutant.source)) for mutant in mutants}
    assert len(trees) == len(mutants)  # no two mutants are the same program
    assert ast.dump(ast.parse(EXAMPLE)) not in trees
    for mutant in mutants:
        compile(mutant.source, "example.py", "exec")
        assert '"""A module docstring is never mutated."""' in mutant.source
        assert '"""Neither is a function\'s."""' in mutant.source
        assert "def f(xs: list[int], n: int) -> int:" in mutant.source
    # the early return only where what it returns is bound: not before `total = 0`
    early = [m for m in mutants if m.kind is OperatorKind.EARLY_RETURN]
    assert [m.line for m in early] == [7, 10]


def test_ids_are_deterministic_and_survive_moved_lines() -> None:
    first = [mutant.id for mutant in generate(EXAMPLE)]
    assert first == [mutant.id for mutant in generate(EXAMPLE)]
    assert len(set(first)) == len(first)
    moved = EXAMPLE.replace('"""A module', '# a comment\n\n"""A module')
    assert sorted(mutant.id for mutant in generate(moved)) == sorted(first)


def test_precedence_and_non_ascii_text_keep_their_meaning() -> None:
    source = 'def g(a, b, c, s="é"):\n    return s + str(a * (b + c)) + s[b if c else a]\n'
    changes = _changes(generate(source))
    assert ('return s + str(a * (b + c)) + s[b if c else a]',
            'return s + str(a * (b - c)) + s[b if c else a]') in changes  # fmt: skip
    assert ('return s + str(a * (b + c)) + s[b if c else a]',
            'return s + str(a * (b + c)) + s[(b if c else a) + 1]') in changes  # fmt: skip
    for mutant in generate(source):
        compile(mutant.source, "g.py", "exec")


def test_a_final_bare_return_is_not_removed() -> None:
    """Removing it changes nothing: an equivalent mutant by construction."""
    source = "def h(xs):\n    xs.append(1)\n    return None\n"
    removed = [m for m in generate(source) if m.kind is OperatorKind.STATEMENT_REMOVED]
    assert [m.line for m in removed] == [2]


# --- mutants.yaml -------------------------------------------------------------------------


def test_equivalents_name_the_file_and_the_field(tmp_path: Path) -> None:
    assert load_equivalents(tmp_path, {"constant-00000000"}) == {}
    path = tmp_path / "mutants.yaml"
    path.write_text("equivalent:\n  constant-00000000: the same program\n")
    assert load_equivalents(tmp_path, {"constant-00000000"}) == {
        "constant-00000000": "the same program"
    }
    with pytest.raises(ProblemError, match=r"mutants.yaml: field 'equivalent.constant-1'"):
        path.write_text("equivalent:\n  constant-1: no such mutant\n")
        load_equivalents(tmp_path, {"constant-00000000"})
    with pytest.raises(ProblemError, match=r"field 'equivalent.constant-00000000'.*one-line"):
        path.write_text("equivalent:\n  constant-00000000: ''\n")
        load_equivalents(tmp_path, {"constant-00000000"})
    with pytest.raises(ProblemError, match=r"field 'equivalents'.*not a known field"):
        path.write_text("equivalents: {}\n")
        load_equivalents(tmp_path, set())


# --- the gate -------------------------------------------------------------------------------

WEAK_REFERENCE = """\
def add(a: int, b: int) -> int:
    if a < -10:  # the same sum, computed another way: only negative cases reach it
        return -(abs(a) - b)
    return a + b
"""


@pytest.fixture
def weak_add(tmp_path: Path) -> Path:
    """The `add` fixture with a reference that has more to mutate, and properties that only
    try two small positive numbers: mutants of the negative branch survive."""
    folder = tmp_path / "problems" / "add"
    shutil.copytree(ADD, folder)
    (folder / "reference.py").write_text(WEAK_REFERENCE)
    properties = folder / "properties.py"
    properties.write_text(
        properties.read_text().replace("st.integers(-1000, 1000)", "st.integers(1, 3)")
    )
    problem_yaml = folder / "problem.yaml"
    problem_yaml.write_text(problem_yaml.read_text().replace("max_examples: 25", "max_examples: 3"))
    return folder


def test_a_weak_package_fails_the_gate_and_shows_each_survivor(weak_add: Path) -> None:
    gate = run_gate(weak_add, JudgeOptions(), jobs=1)
    assert not gate.problems
    assert gate.score < THRESHOLD and not gate.ok
    survivors = {result.mutant.id for result in gate.survivors}
    assert survivors  # e.g. `abs(a) - b` → `abs(a) + b`: no case has a negative `a`
    result = CliRunner().invoke(
        main,
        ["check", str(weak_add), "--mutants", "--sandbox", "process"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output
    assert f"{gate.killed}/{gate.total} killed" in result.output
    for survivor in gate.survivors:
        assert f"survived: {survivor.mutant.summary}" in result.output
        assert "+++ b/reference.py" in result.output


def test_listing_the_survivors_as_equivalent_passes(weak_add: Path) -> None:
    """The mechanism, not a claim that these are equivalent: a weak package could hide
    behind its list, which is why every entry needs a reason someone reviews."""
    survivors = run_gate(weak_add, JudgeOptions(), jobs=1).survivors
    lines = [f"  {result.mutant.id}: listed for the test" for result in survivors]
    (weak_add / "mutants.yaml").write_text("equivalent:\n" + "\n".join(lines) + "\n")
    gate = run_gate(weak_add, JudgeOptions(), jobs=1)
    assert gate.ok and gate.equivalent == len(survivors) and not gate.survivors
    assert all(result.verdict is None for result in gate.results if result.equivalent)


def test_an_unknown_equivalent_is_a_problem_of_the_gate(weak_add: Path) -> None:
    (weak_add / "mutants.yaml").write_text("equivalent:\n  constant-deadbeef: stale\n")
    gate = run_gate(weak_add, JudgeOptions(), jobs=1)
    assert not gate.ok
    (problem,) = gate.problems
    assert "mutants.yaml: field 'equivalent.constant-deadbeef'" in problem


def test_the_strong_add_package_kills_every_mutant() -> None:
    gate = run_gate(ADD, JudgeOptions(), jobs=1)
    assert gate.ok and gate.killed == gate.total > 0, gate


PROBLEMS = sorted(path.name for path in (ROOT / "problems").iterdir() if path.is_dir())


@pytest.mark.parametrize("slug", PROBLEMS)
def test_every_problem_kills_enough_of_its_mutants(slug: str) -> None:
    """The gate itself, in the process sandbox, as `judge check --mutants` runs it."""
    gate = run_gate(ROOT / "problems" / slug, JudgeOptions(), jobs=default_jobs())
    survivors = "\n".join(result.mutant.diff for result in gate.survivors)
    assert not gate.problems, gate.problems
    assert gate.ok, f"{gate.killed}/{gate.total - gate.equivalent} killed\n{survivors}"

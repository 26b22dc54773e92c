"""The grid BFS reference against relaxation to a fixed point on generated grids, against a
bidirectional search at full size, and the stress cases against their stated shapes."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import Phase, find, given, settings

from judge.testing import check, load_problem, sample_cases

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties


def relaxed(grid: list[str]) -> int | None:
    """Bellman-Ford on the cells: give each free cell one more than its best neighbour
    until nothing changes. Slow, simple, and shares nothing with a queue."""
    rows, cols = len(grid), len(grid[0])
    free = {(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "."}
    distance = {(0, 0): 0} if (0, 0) in free else {}
    changed = True
    while changed:
        changed = False
        for r, c in free:
            near = [
                distance[cell] + 1
                for cell in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1))
                if cell in distance
            ]
            if near and min(near) < distance.get((r, c), min(near) + 1):
                distance[(r, c)] = min(near)
                changed = True
    return distance.get((rows - 1, cols - 1))


def meet_in_the_middle(grid: list[str]) -> int | None:
    """Bidirectional search, growing the smaller frontier one layer at a time: another
    algorithm, fast enough for the full-size grids."""
    rows, cols = len(grid), len(grid[0])
    start, goal = (0, 0), (rows - 1, cols - 1)
    if grid[0][0] == "#" or grid[-1][-1] == "#":
        return None
    seen = [{start: 0}, {goal: 0}]
    fronts = [[start], [goal]]
    while fronts[0] and fronts[1]:
        side = 0 if len(fronts[0]) <= len(fronts[1]) else 1
        mine, other = seen[side], seen[1 - side]
        if any(cell in other for cell in fronts[side]):
            return min(mine[cell] + other[cell] for cell in fronts[side] if cell in other)
        grown = []
        for r, c in fronts[side]:
            for cell in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                nr, nc = cell
                if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and cell not in mine:
                    mine[cell] = mine[(r, c)] + 1
                    grown.append(cell)
        fronts[side] = grown
    return None


def well_formed(grid: list[str], max_side: int) -> bool:
    return (
        1 <= len(grid) <= max_side
        and 1 <= len(grid[0]) <= max_side
        and all(len(row) == len(grid[0]) and set(row) <= {".", "#"} for row in grid)
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_relaxation(case: dict[str, Any]) -> None:
    grid = case["grid"]
    assert well_formed(grid, properties.MAX_SIDE)
    answer = reference(grid)
    assert answer == relaxed(grid) == meet_in_the_middle(grid)
    assert answer is None or type(answer) is int


def test_examples_are_right_by_the_checker() -> None:
    for case, example in zip(sample_cases(problem), problem.examples, strict=True):
        assert relaxed(case["grid"]) == example.output
        assert check(problem, case, example.output).ok


def test_cases_reach_the_edges() -> None:
    """Each edge of the statement is drawn: a free and a walled 1 × 1 grid, a walled start
    with the rest free, a single row, a single column, no path from a free start, and a
    long way round."""

    searching = settings(
        database=None, derandomize=True, max_examples=2000, phases=[Phase.generate]
    )
    edges = [
        lambda case: case["grid"] == ["."],
        lambda case: case["grid"] == ["#"],
        lambda case: case["grid"][0][0] == "#" and "#" not in "".join(case["grid"])[1:],
        lambda case: len(case["grid"]) == 1 and len(case["grid"][0]) > 2,
        lambda case: len(case["grid"][0]) == 1 and len(case["grid"]) > 2,
        lambda case: reference(case["grid"]) is None and case["grid"][0][0] == ".",
        lambda case: (reference(case["grid"]) or 0) > 20,
    ]
    for edge in edges:
        find(properties.cases(), edge, settings=searching)


def test_stress_cases_have_their_stated_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    side = properties.MAX_SIDE
    for case in cases:
        assert well_formed(case["grid"], side)
        assert len(case["grid"]) == len(case["grid"][0]) == side
    maze, walls, sealed = (case["grid"] for case in cases)
    # the serpentine: free corridors between wall rows with one gap, on alternate sides
    assert all(maze[r] == "." * side for r in range(0, side, 2)) and maze[-1] == "." * side
    gaps = [maze[r].index(".") for r in range(1, side - 1, 2)]
    assert all(maze[r].count(".") == 1 for r in range(1, side - 1, 2))
    assert all((gap >= side - 4) == (k % 2 == 0) for k, gap in enumerate(gaps))
    answers = [reference(grid) for grid in (maze, walls, sealed)]
    assert answers == [meet_in_the_middle(grid) for grid in (maze, walls, sealed)]
    assert answers[0] > 120_000  # a path through half of the cells
    assert answers[1] is not None and 0.25 < "".join(walls).count("#") / side**2 < 0.35
    assert answers[2] is None and sealed[0][0] == "." and sealed[-1][-1] == "."


def test_the_oracles_refuse_what_is_wrong() -> None:
    """Both oracles on hand-checked grids: walls, a walled start or goal, 1 × 1."""
    known = {
        ("."): 0,
        ("#"): None,
        (".#",): None,
        ("..", ".."): 2,
        (".#", ".."): 2,
        ("...", "##.", "...", ".##", "..."): 10,
    }
    for grid, distance in known.items():
        grid = list(grid) if isinstance(grid, tuple) else [grid]
        assert relaxed(grid) == meet_in_the_middle(grid) == reference(grid) == distance, grid

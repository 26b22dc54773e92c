"""Shortest path in a grid: inputs and stress inputs (the checker is `exact`).

A grid is a list of equal-length strings of '.' (free) and '#' (wall), at least 1 × 1.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_SIDE = 500


def _rows(cells: list[list[bool]]) -> list[str]:
    return ["".join("#" if wall else "." for wall in row) for row in cells]


@st.composite
def _random_grid(draw: st.DrawFn, max_side: int = 8) -> dict[str, Any]:
    """Any shape up to max_side × max_side (one row and one column included), with a wall
    density of 0 to 60% for the whole grid. A cell is a wall when its draw is high, so
    cells shrink to free ones, and the density to 0."""
    rows = draw(st.integers(1, max_side))
    cols = draw(st.integers(1, max_side))
    density = draw(st.sampled_from([0, 2, 3, 4, 6]))
    cell = st.integers(0, 9).map(lambda value: value >= 10 - density)
    row = st.lists(cell, min_size=cols, max_size=cols)
    return {"grid": _rows(draw(st.lists(row, min_size=rows, max_size=rows)))}


@st.composite
def _serpentine(draw: st.DrawFn) -> dict[str, Any]:
    """A small serpentine maze (corridors joined at alternate ends), across rows or down
    columns, often with a straight way along its first column (or row), and a few holes
    knocked through its walls: a long way round and shortcuts, so the first path a
    depth-first search finds is rarely a shortest one, whichever way it turns first."""
    corridors = draw(st.integers(2, 5))
    length = draw(st.integers(2, 8))
    shortcut = draw(st.booleans())  # every wall open at its start: a straight way down
    cells = []
    for k in range(2 * corridors - 1):
        if k % 2 == 0:
            cells.append([False] * length)
        else:
            gap = length - 1 if k % 4 == 1 else 0
            cells.append([col != gap and not (shortcut and col == 0) for col in range(length)])
    holes = draw(st.lists(st.tuples(st.integers(0, len(cells) - 1), st.integers(0, length - 1))))
    for row, col in holes:
        cells[row][col] = False
    if draw(st.booleans()):
        cells = [list(column) for column in zip(*cells, strict=True)]
    return {"grid": _rows(cells)}


@st.composite
def _wall_segments(draw: st.DrawFn) -> dict[str, Any]:
    """An open grid of up to 10 × 10 with one to four straight walls, across or down: two
    ways round most walls, so the first path a depth-first search finds is often not a
    shortest one. Shrinks towards fewer and shorter walls."""
    rows = draw(st.integers(2, 10))
    cols = draw(st.integers(2, 10))
    cells = [[False] * cols for _ in range(rows)]
    for _ in range(draw(st.integers(1, 4))):
        row, col = draw(st.integers(0, rows - 1)), draw(st.integers(0, cols - 1))
        across = draw(st.booleans())
        for step in range(draw(st.integers(1, max(rows, cols)))):
            r, c = (row, col + step) if across else (row + step, col)
            if r < rows and c < cols and (r, c) != (0, 0):
                cells[r][c] = True
    cells[-1][-1] = False
    return {"grid": _rows(cells)}


@st.composite
def _blocked_corner(draw: st.DrawFn) -> dict[str, Any]:
    """An open grid but for a wall on the start or on the goal: never reachable."""
    rows = draw(st.integers(1, 6))
    cols = draw(st.integers(1, 6))
    cells = [[False] * cols for _ in range(rows)]
    if draw(st.booleans()):
        cells[0][0] = True
    else:
        cells[-1][-1] = True
    for row, col in draw(st.lists(st.tuples(st.integers(0, rows - 1), st.integers(0, cols - 1)))):
        cells[row][col] = True
    return {"grid": _rows(cells)}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """1 × 1 grids (free and walled), single rows and columns, a walled start or goal, open
    grids, random walls of every density (often no path), open grids with a few straight
    walls, small serpentine mazes with shortcuts, and some grids of up to 30 × 30. Shrinks
    towards fewer rows and columns and towards free cells."""
    fixed = st.sampled_from(
        [
            ["."],
            ["#"],
            [".#"],
            ["#."],
            [".", "#"],
            ["..", "#."],
            ["#.", ".."],
            ["...."],
            [".", ".", "."],
            [".#.", "...", ".#."],
        ]
    ).map(lambda grid: {"grid": grid})
    return (
        _random_grid()
        | _wall_segments()
        | _serpentine()
        | _blocked_corner()
        | fixed
        | _random_grid(max_side=30)
    )


def serpentine(rng: random.Random, side: int = MAX_SIDE) -> list[str]:
    """Corridors along every other row, joined through a gap near alternate ends of the wall
    rows between them (the last two rows are both corridor): a path of about side² / 2
    steps, which runs right to left half of the time."""
    rows = []
    for row in range(side):
        if row % 2 == 0 or row == side - 1:
            rows.append("." * side)
            continue
        gap = rng.randrange(4)
        if row % 4 == 1:
            gap = side - 1 - gap
        rows.append("#" * gap + "." + "#" * (side - 1 - gap))
    return rows


def random_walls(rng: random.Random, side: int = MAX_SIDE, density: float = 0.3) -> list[str]:
    """A random staircase path from corner to corner, then walls on 30% of the other cells:
    always reachable, and the search visits most of the grid's free cells."""
    cells = [[rng.random() < density for _ in range(side)] for _ in range(side)]
    row = col = 0
    cells[0][0] = False
    while (row, col) != (side - 1, side - 1):
        if col == side - 1 or (row < side - 1 and rng.random() < 0.5):
            row += 1
        else:
            col += 1
        cells[row][col] = False
    return _rows(cells)


def sealed_goal(rng: random.Random, side: int = MAX_SIDE, density: float = 0.1) -> list[str]:
    """Walls on 10% of the cells and on both neighbours of the goal: no path, found only
    after the whole region of the start has been searched."""
    cells = [[rng.random() < density for _ in range(side)] for _ in range(side)]
    cells[0][0] = cells[-1][-1] = False
    cells[-1][-2] = cells[-2][-1] = True
    return _rows(cells)


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (500 × 500): a serpentine maze (a path of about 125,000 steps), random
    walls with a path, and a sealed goal (no path)."""
    return [
        {"grid": serpentine(rng)},
        {"grid": random_walls(rng)},
        {"grid": sealed_goal(rng)},
    ]

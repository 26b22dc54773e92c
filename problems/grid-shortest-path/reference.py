"""Reference solution: breadth-first search from the top-left cell.

BFS settles cells in order of their distance, so the first time the bottom-right cell is
taken from the queue, its distance is the fewest steps. Each cell is queued at most once.
"""

from collections import deque


def grid_path(grid: list[str]) -> int | None:
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == "#":
        return None
    goal = (rows - 1, cols - 1)
    steps: list[list[int | None]] = [[None] * cols for _ in range(rows)]
    steps[0][0] = 0
    queue = deque([(0, 0)])
    while queue:
        row, col = queue.popleft()
        here = steps[row][col]
        if (row, col) == goal:
            return here
        for r, c in ((row + 1, col), (row - 1, col), (row, col + 1), (row, col - 1)):
            if 0 <= r < rows and 0 <= c < cols and grid[r][c] == "." and steps[r][c] is None:
                steps[r][c] = here + 1
                queue.append((r, c))
    return None

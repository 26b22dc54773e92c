# Wrong answer: tests for the goal only when stepping onto a neighbour, never for the start
# itself, so a 1 × 1 grid ["."] (start and goal the same cell, 0 steps) gives None.
from collections import deque


def grid_path(grid):
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == "#":
        return None
    seen = {(0, 0)}
    queue = deque([(0, 0, 0)])
    while queue:
        r, c, steps = queue.popleft()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and (nr, nc) not in seen:
                if (nr, nc) == (rows - 1, cols - 1):
                    return steps + 1
                seen.add((nr, nc))
                queue.append((nr, nc, steps + 1))
    return None

# Wrong answer: checks only the upper bounds (r < rows, c < cols). In Python grid[-1] is the
# last row, not an error, so stepping left off column 0 or up off row 0 wraps round to the
# far side of the grid: a shortcut that does not exist.
from collections import deque


def grid_path(grid):
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == "#":
        return None
    seen = [[False] * cols for _ in range(rows)]
    seen[0][0] = True
    queue = deque([(0, 0, 0)])
    while queue:
        r, c, steps = queue.popleft()
        if r % rows == rows - 1 and c % cols == cols - 1:
            return steps
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if nr < rows and nc < cols and grid[nr][nc] == "." and not seen[nr][nc]:
                seen[nr][nc] = True
                queue.append((nr % rows, nc % cols, steps + 1))
    return None

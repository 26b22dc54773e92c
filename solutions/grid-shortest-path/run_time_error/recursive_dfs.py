# Runtime error: a right depth-first search that revisits a cell whenever it reaches it by
# a shorter way. Fine on small grids, but it recurses once per step of the path, and the
# 125,000-step serpentine maze goes past the recursion limit (RecursionError).


def grid_path(grid):
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == "#":
        return None
    best = {}

    def walk(r, c, steps):
        if best.get((r, c), steps + 1) <= steps:
            return
        best[(r, c)] = steps
        for nr, nc in ((r + 1, c), (r, c + 1), (r - 1, c), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == ".":
                walk(nr, nc, steps + 1)

    walk(0, 0, 0)
    return best.get((rows - 1, cols - 1))

# Wrong answer: a depth-first search that returns the length of the first path it finds.
# In a maze with a single route that is the shortest one, but as soon as there are two
# ways round an obstacle it may take the long one.


def grid_path(grid):
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == "#":
        return None
    seen = {(0, 0)}
    stack = [(0, 0, 0)]
    while stack:
        r, c, steps = stack.pop()
        if (r, c) == (rows - 1, cols - 1):
            return steps
        for nr, nc in ((r - 1, c), (r, c - 1), (r + 1, c), (r, c + 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and (nr, nc) not in seen:
                seen.add((nr, nc))
                stack.append((nr, nc, steps + 1))
    return None

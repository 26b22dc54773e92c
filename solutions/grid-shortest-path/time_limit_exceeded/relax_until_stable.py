# Time limit exceeded: Bellman-Ford on the grid. Sweeps every cell in reading order, taking
# one more than the best neighbour, until a sweep changes nothing. Right, but a path that
# runs right to left or upwards gains one cell per sweep: a serpentine maze needs about
# rows · cols / 2 sweeps, O((rows · cols)²) in all.


def grid_path(grid):
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == "#" or grid[-1][-1] == "#":
        return None
    far = rows * cols
    dist = [[far] * cols for _ in range(rows)]
    dist[0][0] = 0
    changed = True
    while changed:
        changed = False
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] == "#":
                    continue
                best = dist[r][c]
                if r > 0 and dist[r - 1][c] + 1 < best:
                    best = dist[r - 1][c] + 1
                if r + 1 < rows and dist[r + 1][c] + 1 < best:
                    best = dist[r + 1][c] + 1
                if c > 0 and dist[r][c - 1] + 1 < best:
                    best = dist[r][c - 1] + 1
                if c + 1 < cols and dist[r][c + 1] + 1 < best:
                    best = dist[r][c + 1] + 1
                if best < dist[r][c]:
                    dist[r][c] = best
                    changed = True
    return dist[-1][-1] if dist[-1][-1] < far else None

# Accepted: BFS over flat cell indices, with the grid framed by a border of walls so that
# no bounds checks are needed (cell (r, c) is index (r + 1) * width + c + 1).
from collections import deque


def grid_path(grid):
    rows, cols = len(grid), len(grid[0])
    width = cols + 2
    framed = "#" * width + "".join("#" + row + "#" for row in grid) + "#" * width
    start, goal = width + 1, rows * width + cols
    if framed[start] == "#":
        return None
    distance = [-1] * len(framed)
    distance[start] = 0
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        if cell == goal:
            return distance[cell]
        for near in (cell + 1, cell - 1, cell + width, cell - width):
            if distance[near] < 0 and framed[near] == ".":
                distance[near] = distance[cell] + 1
                queue.append(near)
    return None

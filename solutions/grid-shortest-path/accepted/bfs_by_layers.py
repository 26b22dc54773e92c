# Accepted: LeetCode style. BFS one layer at a time over a set of seen cells; the layer
# number is the distance.
from typing import List, Optional


class Solution:
    def grid_path(self, grid: List[str]) -> Optional[int]:
        rows, cols = len(grid), len(grid[0])
        if grid[0][0] != "." or grid[rows - 1][cols - 1] != ".":
            return None
        seen = {(0, 0)}
        layer = [(0, 0)]
        distance = 0
        while layer:
            if (rows - 1, cols - 1) in seen:
                return distance
            following = []
            for r, c in layer:
                for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < rows and 0 <= nc < cols and (nr, nc) not in seen:
                        if grid[nr][nc] == ".":
                            seen.add((nr, nc))
                            following.append((nr, nc))
            layer = following
            distance += 1
        return None

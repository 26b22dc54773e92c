# Accepted: LeetCode style (a Solution class); breadth-first search from 0, where the level
# at which the amount is first reached is the fewest coins.
from collections import deque
from typing import List, Optional


class Solution:
    def coin_change(self, coins: List[int], amount: int) -> Optional[int]:
        values = sorted(set(coins))
        steps = {0: 0}
        queue = deque([0])
        while queue:
            total = queue.popleft()
            if total == amount:
                return steps[total]
            for coin in values:
                nxt = total + coin
                if nxt > amount:
                    break
                if nxt not in steps:
                    steps[nxt] = steps[total] + 1
                    queue.append(nxt)
        return None

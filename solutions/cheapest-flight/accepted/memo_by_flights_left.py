# Accepted: LeetCode style. Top-down dynamic programming: the cheapest price from a city to
# dst with at most f flights, memoised on (city, f). Recursion depth is at most k + 2.
from functools import lru_cache
from typing import List, Optional, Tuple


class Solution:
    def cheapest_flight(
        self, n: int, flights: List[Tuple[int, int, int]], src: int, dst: int, k: int
    ) -> Optional[int]:
        out = [[] for _ in range(n)]
        for a, b, price in flights:
            out[a].append((b, price))
        inf = float("inf")

        @lru_cache(maxsize=None)
        def best(city: int, left: int) -> float:
            if city == dst:
                return 0
            if left == 0:
                return inf
            return min((price + best(nxt, left - 1) for nxt, price in out[city]), default=inf)

        answer = best(src, k + 1)
        return None if answer == inf else answer

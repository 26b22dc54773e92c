# Accepted: LeetCode style (a Solution class) with the full (n + 1) x (capacity + 1) table.


class Solution:
    def knapsack(self, weights: list[int], values: list[int], capacity: int) -> int:
        n = len(weights)
        dp = [[0] * (capacity + 1) for _ in range(n + 1)]
        for i in range(1, n + 1):
            w, v = weights[i - 1], values[i - 1]
            prev, row = dp[i - 1], dp[i]
            for c in range(capacity + 1):
                row[c] = prev[c]
                if w <= c and prev[c - w] + v > row[c]:
                    row[c] = prev[c - w] + v
        return dp[n][capacity]

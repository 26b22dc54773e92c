# Accepted: LeetCode style (a Solution class); one row updated in place, with the diagonal
# cell kept in a variable before it is overwritten.


class Solution:
    def edit_distance(self, a: str, b: str) -> int:
        dp = list(range(len(b) + 1))
        for i, x in enumerate(a, 1):
            diagonal, dp[0] = dp[0], i
            for j, y in enumerate(b, 1):
                above = dp[j]
                dp[j] = diagonal if x == y else 1 + min(diagonal, above, dp[j - 1])
                diagonal = above
        return dp[-1]

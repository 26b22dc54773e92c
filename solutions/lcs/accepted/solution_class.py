# Accepted: LeetCode style (a Solution class); breaks ties the other way from the reference,
# so it often returns a different longest common subsequence, which must be accepted too.


class Solution:
    def lcs(self, a: str, b: str) -> str:
        n, m = len(a), len(b)
        dp = [[0] * (m + 1) for _ in range(n + 1)]
        for i in range(n - 1, -1, -1):
            for j in range(m - 1, -1, -1):
                if a[i] == b[j]:
                    dp[i][j] = dp[i + 1][j + 1] + 1
                else:
                    dp[i][j] = max(dp[i + 1][j], dp[i][j + 1])
        i = j = 0
        result = []
        while i < n and j < m:
            if a[i] == b[j]:
                result.append(a[i])
                i += 1
                j += 1
            elif dp[i][j + 1] >= dp[i + 1][j]:
                j += 1
            else:
                i += 1
        return "".join(result)

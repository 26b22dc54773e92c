# Wrong answer: uses 10**4 (the largest amount) as "infinity", but an answer can be exactly
# 10**4 (amount 10**4 with only coins of 1), which is then reported as impossible.
INF = 10**4


def coin_change(coins, amount):
    dp = [0] + [INF] * amount
    for coin in coins:
        for total in range(coin, amount + 1):
            dp[total] = min(dp[total], dp[total - coin] + 1)
    return dp[amount] if dp[amount] < INF else None

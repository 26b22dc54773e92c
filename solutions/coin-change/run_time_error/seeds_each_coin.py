# Runtime error: seeds the table with dp[coin] = 1 for every coin, which raises IndexError
# when a coin is larger than the amount (e.g. coins [3], amount 2). Right otherwise.


def coin_change(coins, amount):
    if amount == 0:
        return 0
    inf = float("inf")
    dp = [inf] * (amount + 1)
    dp[0] = 0
    for coin in coins:
        dp[coin] = 1
    for total in range(1, amount + 1):
        for coin in coins:
            if coin <= total:
                dp[total] = min(dp[total], dp[total - coin] + 1)
    return None if dp[amount] == inf else dp[amount]

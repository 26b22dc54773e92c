# Wrong answer: stops scanning the coins at the first one larger than the total, which is
# only right when the coins are sorted ascending (as in every sample). With [2, 1] and amount
# 1 it breaks on the 2 before ever seeing the 1.


def coin_change(coins, amount):
    dp = [0] + [float("inf")] * amount
    for total in range(1, amount + 1):
        for coin in coins:
            if coin > total:
                break
            dp[total] = min(dp[total], dp[total - coin] + 1)
    return None if dp[amount] == float("inf") else dp[amount]

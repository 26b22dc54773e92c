# Accepted: the textbook table, totals outside and coins inside, with amount + 1 standing
# for "cannot be made" (no answer uses more than `amount` coins).


def coin_change(coins, amount):
    dp = [0] + [amount + 1] * amount
    for total in range(1, amount + 1):
        for coin in coins:
            if coin <= total and dp[total - coin] + 1 < dp[total]:
                dp[total] = dp[total - coin] + 1
    return dp[amount] if dp[amount] <= amount else None

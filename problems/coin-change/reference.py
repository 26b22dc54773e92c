"""Reference solution: the fewest coins for every total from 0 to `amount`.

`fewest[t]` is the fewest coins summing to `t` found so far (infinity: none yet). Taking the
coins one at a time and the totals upwards lets each coin be used again and again: when
`fewest[t - coin]` is read it may already count copies of the same coin.
"""

from math import inf


def coin_change(coins: list[int], amount: int) -> int | None:
    fewest = [0] + [inf] * amount
    for coin in coins:
        for total in range(coin, amount + 1):
            candidate = fewest[total - coin] + 1
            if candidate < fewest[total]:
                fewest[total] = candidate
    return None if fewest[amount] == inf else fewest[amount]

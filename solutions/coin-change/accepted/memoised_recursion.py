# Accepted: top-down recursion with a cache, one call per total. The recursion goes up to
# `amount` levels deep (10^4 with a coin of 1), within the judge's recursion limit.
from functools import cache


def coin_change(coins, amount):
    @cache
    def fewest(rest):
        if rest == 0:
            return 0
        best = None
        for coin in coins:
            if coin <= rest:
                sub = fewest(rest - coin)
                if sub is not None and (best is None or sub + 1 < best):
                    best = sub + 1
        return best

    return fewest(amount)

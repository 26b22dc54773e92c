# Time limit exceeded: the right recursion without a cache. Each total is solved again for
# every way of reaching it, which is exponential in the amount.


def coin_change(coins, amount):
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

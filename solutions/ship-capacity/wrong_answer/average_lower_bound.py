# Bug: starts the search at the average day, ceil(total / days), instead of at the heaviest
# package, and the greedy count never checks that a package fits on its own: a package
# heavier than the capacity gets a day to itself. [1, 10] over 2 days gives 6, not 10.
def min_capacity(weights, days):
    def fits(capacity):
        used, load = 1, 0
        for w in weights:
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        return used <= days

    lo, hi = -(-sum(weights) // days), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo

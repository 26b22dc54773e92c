# Bug: the "lo always fails, hi always works" search template, started with lo = the
# heaviest package. But the heaviest package can be enough (every package its own day), and
# lo is never returned: [2, 2] over 2 days gives 3, not 2.
def min_capacity(weights, days):
    def fits(capacity):
        used, load = 1, 0
        for w in weights:
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        return used <= days

    lo, hi = max(weights), sum(weights)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid
    return hi

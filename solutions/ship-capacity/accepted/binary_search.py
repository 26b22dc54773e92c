# Accepted: binary search on the capacity between the heaviest package and the total, with
# a greedy count of days that stops as soon as it runs out of days.
def min_capacity(weights, days):
    def fits(capacity):
        used, load = 1, 0
        for w in weights:
            load += w
            if load > capacity:
                used += 1
                if used > days:
                    return False
                load = w
        return True

    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo

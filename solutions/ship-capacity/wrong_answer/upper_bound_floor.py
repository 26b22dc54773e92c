# Bug: bounds the answer by the heaviest package times n // days ("each day carries n / days
# packages"), rounding down: when days does not divide n some day carries one more package,
# and the answer can lie above the bound ([1, 1, 1] over 2 days gives 1, not 2).
def min_capacity(weights, days):
    def fits(capacity):
        used, load = 1, 0
        for w in weights:
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        return used <= days

    lo, hi = max(weights), max(weights) * (len(weights) // days)
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo

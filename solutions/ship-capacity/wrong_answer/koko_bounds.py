# Bug: the binary-search template from "Koko eating bananas", lo, hi = 1, 10**9 ("no weight
# exceeds 10^9"). But a day can carry many packages: when the answer is above 10^9 the
# search never reaches it ([10**9, 10**9] in one day gives 10**9, not 2 * 10**9).
def min_capacity(weights, days):
    def fits(capacity):
        used, load = 1, 0
        for w in weights:
            if w > capacity:
                return False
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        return used <= days

    lo, hi = 1, 10**9
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo

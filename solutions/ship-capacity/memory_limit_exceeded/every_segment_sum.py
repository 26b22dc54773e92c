# Memory limit exceeded: the answer is the weight of some run of consecutive packages, so
# this lists every run's weight (n(n+1)/2 of them: 2 * 10^8 for 2 * 10^4 packages) and
# binary-searches the sorted list of candidates.
def min_capacity(weights, days):
    n = len(weights)
    candidates = []
    for i in range(n):
        total = 0
        for j in range(i, n):
            total += weights[j]
            candidates.append(total)
    candidates.sort()

    def fits(capacity):
        used, load = 1, 0
        for w in weights:
            if w > capacity:
                return False
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        return used <= days

    lo, hi = 0, len(candidates) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(candidates[mid]):
            hi = mid
        else:
            lo = mid + 1
    return candidates[lo]

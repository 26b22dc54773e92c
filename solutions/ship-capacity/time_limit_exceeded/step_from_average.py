# Right answers, but still a linear search: steps up one at a time from the better lower
# bound max(heaviest, ceil(total / days)). The answer can sit up to a heaviest package
# above it (10^9 capacities to try), so this is O(n * 10^9) in the worst case.
def min_capacity(weights, days):
    capacity = max(max(weights), -(-sum(weights) // days))
    while True:
        used, load = 1, 0
        for w in weights:
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        if used <= days:
            return capacity
        capacity += 1

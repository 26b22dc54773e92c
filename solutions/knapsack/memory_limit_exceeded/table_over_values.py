# Memory limit exceeded: the "other" knapsack table, indexed by total value (least weight
# for each value). Fine when values are small, but values go up to 10^9, so the table has
# up to 2 * 10^11 entries.


def knapsack(weights, values, capacity):
    total = sum(values)
    inf = float("inf")
    lightest = [inf] * (total + 1)
    lightest[0] = 0
    for w, v in zip(weights, values, strict=True):
        for t in range(total, v - 1, -1):
            if lightest[t - v] + w < lightest[t]:
                lightest[t] = lightest[t - v] + w
    return max(t for t in range(total + 1) if lightest[t] <= capacity)

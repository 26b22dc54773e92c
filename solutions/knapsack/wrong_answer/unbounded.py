# Wrong answer: loops over capacities from low to high, so dp[c - w] may already include the
# same item: it solves the unbounded knapsack (items reusable), not 0/1.


def knapsack(weights, values, capacity):
    dp = [0] * (capacity + 1)
    for w, v in zip(weights, values, strict=True):
        for c in range(w, capacity + 1):
            dp[c] = max(dp[c], dp[c - w] + v)
    return dp[capacity]

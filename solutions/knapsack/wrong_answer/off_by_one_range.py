# Wrong answer: the inner loop stops one capacity too early (range(capacity, w, -1) never
# visits c == w), so an item is never taken on its own into a budget it fills exactly; a
# weight-0 item is never counted at capacity 0. Right whenever the best choice has room left.


def knapsack(weights, values, capacity):
    dp = [0] * (capacity + 1)
    for w, v in zip(weights, values, strict=True):
        for c in range(capacity, w, -1):
            dp[c] = max(dp[c], dp[c - w] + v)
    return dp[capacity]

# Wrong answer: takes items by best value per unit of weight while they fit. Optimal for the
# fractional knapsack, not for 0/1: weights [1, 2, 3], values [4, 3, 4], capacity 5 gives 7
# (weights 1 and 2), while weights 1 and 3 are worth 8.


def knapsack(weights, values, capacity):
    order = sorted(
        range(len(weights)),
        key=lambda i: values[i] / weights[i] if weights[i] else float("inf"),
        reverse=True,
    )
    total, room = 0, capacity
    for i in order:
        if weights[i] <= room:
            room -= weights[i]
            total += values[i]
    return total

"""Reference solution: a one-row table of the best value for every capacity.

`best[c]` is the best value of the items seen so far within capacity `c`. Each item updates
the row from high capacities to low, so `best[c - w]` still excludes the item itself and
no item is taken twice. A weight-0 item adds its value to every entry, once.
"""


def knapsack(weights: list[int], values: list[int], capacity: int) -> int:
    best = [0] * (capacity + 1)
    for weight, value in zip(weights, values, strict=True):
        if weight > capacity:
            continue
        for c in range(capacity, weight - 1, -1):
            candidate = best[c - weight] + value
            if candidate > best[c]:
                best[c] = candidate
    return best[capacity]

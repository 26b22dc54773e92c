"""Reference solution: binary search on the capacity, checked by a greedy pass.

A capacity works when loading each day greedily (a package goes on today's ship if it
still fits, otherwise it starts the next day) needs at most `days` days; any larger
capacity works too. The least capacity that works lies between the heaviest package
(which must fit on its own) and the total weight (everything in one day), so the search
takes O(log(sum)) passes of O(n).
"""


def days_needed(weights: list[int], capacity: int) -> int:
    """The days that shipping in order needs at `capacity` (at least the heaviest weight)."""
    needed, load = 1, 0
    for weight in weights:
        if load + weight > capacity:
            needed, load = needed + 1, weight
        else:
            load += weight
    return needed


def min_capacity(weights: list[int], days: int) -> int:
    low, high = max(weights), sum(weights)
    while low < high:
        middle = (low + high) // 2
        if days_needed(weights, middle) <= days:
            high = middle
        else:
            low = middle + 1
    return low

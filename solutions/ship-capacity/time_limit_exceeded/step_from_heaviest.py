# Right answers, O(n * (answer - heaviest)): tries capacities one by one from the heaviest
# package upwards. With weights up to 10^9 that is billions of capacities.
def min_capacity(weights, days):
    capacity = max(weights)
    while True:
        used, load = 1, 0
        for w in weights:
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        if used <= days:
            return capacity
        capacity += 1

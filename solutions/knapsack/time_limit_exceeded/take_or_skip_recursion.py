# Time limit exceeded: the take-or-skip recursion without memoisation, O(2^n) when many
# items fit (fine for a dozen items, hopeless for 200).


def knapsack(weights, values, capacity):
    def best(i, room):
        if i == len(weights):
            return 0
        skip = best(i + 1, room)
        if weights[i] <= room:
            return max(skip, values[i] + best(i + 1, room - weights[i]))
        return skip

    return best(0, capacity)

# Runtime error: builds the table's first row from the first item, so with no items at all
# weights[0] raises IndexError. Right on every non-empty input.


def knapsack(weights, values, capacity):
    rows = [[0] * (capacity + 1) for _ in weights]
    for c in range(capacity + 1):
        rows[0][c] = values[0] if weights[0] <= c else 0
    for i in range(1, len(weights)):
        w, v = weights[i], values[i]
        for c in range(capacity + 1):
            rows[i][c] = rows[i - 1][c]
            if w <= c:
                rows[i][c] = max(rows[i][c], rows[i - 1][c - w] + v)
    return rows[-1][capacity]

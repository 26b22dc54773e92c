# Wrong answer: stores the network as a table price[a][b], so of several flights between
# the same two cities only the last one listed is kept, even when an earlier one is cheaper.


def cheapest_flight(n, flights, src, dst, k):
    price = {}
    for a, b, p in flights:
        price.setdefault(a, {})[b] = p
    inf = float("inf")
    cost = [inf] * n
    cost[src] = 0
    for _ in range(k + 1):
        fewer = cost[:]
        for a, targets in price.items():
            for b, p in targets.items():
                cost[b] = min(cost[b], fewer[a] + p)
    return None if cost[dst] == inf else cost[dst]

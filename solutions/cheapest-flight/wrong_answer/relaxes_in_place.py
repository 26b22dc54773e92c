# Wrong answer: Bellman-Ford for k + 1 rounds, but relaxing the prices in place: a price
# improved earlier in the same round is used again at once, so when flights are listed in
# route order one round can follow several of them, more than k + 1 flights in all.


def cheapest_flight(n, flights, src, dst, k):
    inf = float("inf")
    cost = [inf] * n
    cost[src] = 0
    for _ in range(k + 1):
        for a, b, price in flights:
            if cost[a] + price < cost[b]:
                cost[b] = cost[a] + price
    return None if cost[dst] == inf else cost[dst]

"""Reference solution: Bellman-Ford, stopped after k + 1 rounds.

After round r, `cost[v]` is the cheapest price of reaching v with at most r flights. Each
round relaxes from a copy of the previous round's prices, so a round adds at most one
flight to any route (relaxing in place could chain several flights in one round).
"""

INF = float("inf")


def cheapest_flight(
    n: int, flights: list[tuple[int, int, int]], src: int, dst: int, k: int
) -> int | None:
    cost = [INF] * n
    cost[src] = 0
    for _ in range(k + 1):
        fewer = cost[:]
        for start, end, price in flights:
            cost[end] = min(cost[end], fewer[start] + price)
    return None if cost[dst] == INF else cost[dst]

# Accepted: Dijkstra over states (city, flights taken). A city popped again is skipped only
# when it was already popped with no more flights: a dearer route with fewer flights may
# still go further than the cheapest one.
import heapq


def cheapest_flight(n, flights, src, dst, k):
    out = [[] for _ in range(n)]
    for a, b, price in flights:
        out[a].append((b, price))
    fewest = [k + 2] * n  # the fewest flights with which each city was popped
    heap = [(0, 0, src)]
    while heap:
        cost, taken, city = heapq.heappop(heap)
        if city == dst:
            return cost
        if taken >= fewest[city] or taken == k + 1:
            continue
        fewest[city] = taken
        for nxt, price in out[city]:
            heapq.heappush(heap, (cost + price, taken + 1, nxt))
    return None

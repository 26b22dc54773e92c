# Wrong answer: Dijkstra that counts flights but settles each city the first time it is
# popped, at its cheapest price. When that cheapest route uses too many flights to go on
# to dst, the dearer route with fewer flights is skipped as "visited".
import heapq


def cheapest_flight(n, flights, src, dst, k):
    out = [[] for _ in range(n)]
    for a, b, price in flights:
        out[a].append((b, price))
    visited = set()
    heap = [(0, src, 0)]
    while heap:
        cost, city, taken = heapq.heappop(heap)
        if city == dst:
            return cost
        if city in visited:
            continue
        visited.add(city)
        if taken == k + 1:
            continue
        for nxt, price in out[city]:
            if nxt not in visited:
                heapq.heappush(heap, (cost + price, nxt, taken + 1))
    return None

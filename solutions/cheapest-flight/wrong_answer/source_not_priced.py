# Wrong answer: breadth-first by flights, recording the best price of each city only when a
# flight lands there, never 0 for src itself. With src == dst the answer is then the
# cheapest round trip back to src (or None), not 0.


def cheapest_flight(n, flights, src, dst, k):
    out = [[] for _ in range(n)]
    for a, b, price in flights:
        out[a].append((b, price))
    inf = float("inf")
    best = [inf] * n
    frontier = [(src, 0)]
    for _ in range(k + 1):
        following = []
        for city, cost in frontier:
            for nxt, price in out[city]:
                if cost + price < best[nxt]:
                    best[nxt] = cost + price
                    following.append((nxt, cost + price))
        frontier = following
    return None if best[dst] == inf else best[dst]

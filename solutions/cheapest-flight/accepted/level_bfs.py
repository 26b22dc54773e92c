# Accepted: breadth-first by number of flights, keeping only the routes that improve the
# best known price of the city they reach (a route no cheaper than one with no more
# flights is never needed).


def cheapest_flight(n, flights, src, dst, k):
    out = [[] for _ in range(n)]
    for a, b, price in flights:
        out[a].append((b, price))
    best = [None] * n
    best[src] = 0
    frontier = {src: 0}
    for _ in range(k + 1):
        following = {}
        for city, cost in frontier.items():
            for nxt, price in out[city]:
                total = cost + price
                if (best[nxt] is None or total < best[nxt]) and total < following.get(nxt, total + 1):
                    following[nxt] = total
        for city, cost in following.items():
            if best[city] is None or cost < best[city]:
                best[city] = cost
        frontier = following
    return best[dst]

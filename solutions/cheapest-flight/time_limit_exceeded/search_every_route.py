# Time limit exceeded: depth-first search over every route of at most k + 1 flights,
# abandoning a route once it costs as much as the best found so far. Right, but the number
# of routes grows exponentially with k: when many routes cost the same, none is abandoned.


def cheapest_flight(n, flights, src, dst, k):
    out = [[] for _ in range(n)]
    for a, b, price in flights:
        out[a].append((b, price))
    best = [None]

    def fly(city, cost, left):
        if best[0] is not None and cost >= best[0]:
            return
        if city == dst:
            best[0] = cost
            return
        if left == 0:
            return
        for nxt, price in out[city]:
            fly(nxt, cost + price, left - 1)

    fly(src, 0, k + 1)
    return best[0]

# Time limit exceeded: Bellman-Ford with an early exit. Correct, but O(n·m) in the worst
# case: a long path listed last edge first needs n - 1 rounds of 2·10^5 relaxations.


def shortest_paths(n, edges, source):
    dist = [None] * n
    dist[source] = 0
    for _ in range(n - 1):
        changed = False
        for u, v, w in edges:
            if dist[u] is not None and (dist[v] is None or dist[u] + w < dist[v]):
                dist[v] = dist[u] + w
                changed = True
        if not changed:
            break
    return dist

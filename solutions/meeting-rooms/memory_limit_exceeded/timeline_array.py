# Memory limit exceeded: a difference array with one cell per unit of time, then a running
# sum. Fine when times stay below 10^5; here they reach 10^9 (8 GB of list).
def min_rooms(intervals):
    if not intervals:
        return 0
    change = [0] * (max(end for _, end in intervals) + 1)
    for start, end in intervals:
        change[start] += 1
        change[end] -= 1
    best = running = 0
    for delta in change:
        running += delta
        best = max(best, running)
    return best

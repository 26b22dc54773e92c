# Time limit exceeded: the most meetings in progress at once is reached at some meeting's
# start, so count, for each start, the meetings that hold it. Right, but O(n^2).
def min_rooms(intervals):
    best = 0
    for time, _ in intervals:
        held = 0
        for start, end in intervals:
            if start <= time < end:
                held += 1
        best = max(best, held)
    return best

# Accepted: a sweep over +1/-1 events; at equal times the -1 (an end) sorts first, so a
# meeting that starts when another ends does not count both.
def min_rooms(intervals):
    events = [(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals]
    events.sort()
    best = running = 0
    for _, change in events:
        running += change
        best = max(best, running)
    return best

# Bug: sorts the +1/-1 events by time only. The sort is stable, so at equal times the events
# keep the input's order: a meeting that ends at t listed after one that starts at t counts
# as an overlap ([2, 3) then [1, 2) gives 2 rooms, not 1).
def min_rooms(intervals):
    events = []
    for start, end in intervals:
        events.append((start, 1))
        events.append((end, -1))
    events.sort(key=lambda event: event[0])
    best = running = 0
    for _, change in events:
        running += change
        best = max(best, running)
    return best

# Runtime error: takes max() of the running counts, which is empty when there are no
# meetings (ValueError). Right on every non-empty input.
def min_rooms(intervals):
    events = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    counts = []
    running = 0
    for _, change in events:
        running += change
        counts.append(running)
    return max(counts)

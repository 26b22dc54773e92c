# Accepted: sort the starts and the ends apart; walk the starts, freeing a room whenever the
# earliest unused end is at or before the start.
def min_rooms(intervals):
    starts = sorted(start for start, _ in intervals)
    ends = sorted(end for _, end in intervals)
    rooms = busy = 0
    j = 0
    for start in starts:
        while j < len(ends) and ends[j] <= start:
            j += 1
            busy -= 1
        busy += 1
        rooms = max(rooms, busy)
    return rooms

# Bug: the heap of room end times, but the meetings taken by end time (as in activity
# selection) instead of by start time. A short meeting placed first can strand a room:
# [4, 5), [2, 8), [8, 9), [5, 9) gives 3, not 2.
import heapq


def min_rooms(intervals):
    ends = []
    for start, end in sorted(intervals, key=lambda meeting: meeting[1]):
        if ends and ends[0] <= start:
            heapq.heapreplace(ends, end)
        else:
            heapq.heappush(ends, end)
    return len(ends)

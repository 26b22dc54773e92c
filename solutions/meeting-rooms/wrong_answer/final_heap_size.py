# Bug: frees every room whose meeting has ended, then returns how many rooms are busy after
# the last meeting starts, not the most that were ever busy at once: [1, 5), [2, 6),
# [10, 11) gives 1, not 2.
import heapq


def min_rooms(intervals):
    busy = []
    for start, end in sorted(intervals):
        while busy and busy[0] <= start:
            heapq.heappop(busy)
        heapq.heappush(busy, end)
    return len(busy)

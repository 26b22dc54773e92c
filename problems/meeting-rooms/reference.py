"""Reference solution: starts and ends sorted apart, one pass over the starts.

Taken in order of start, a meeting can reuse the room of the earliest-ending meeting not yet
reused, if that one has ended by its start (`end <= start`: meetings are half-open). Every
meeting that cannot reuse a room opens a new one.
"""


def min_rooms(intervals: list[tuple[int, int]]) -> int:
    ends = sorted(end for _, end in intervals)
    reused = 0
    for start in sorted(start for start, _ in intervals):
        if ends[reused] <= start:
            reused += 1
    return len(intervals) - reused

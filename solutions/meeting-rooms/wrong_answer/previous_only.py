# Bug: compares each meeting only with the one that started just before it, counting a run
# of consecutive overlaps. A long meeting overlapping two later ones that only overlap each
# other is lost: [0, 30), [5, 10), [15, 20), [17, 25) gives 2, not 3.
def min_rooms(intervals):
    best = current = 0
    previous_end = None
    for start, end in sorted(intervals):
        if previous_end is not None and start < previous_end:
            current += 1
        else:
            current = 1
        best = max(best, current)
        previous_end = end
    return best

# Bug: the merged interval takes the end of the interval merged into it, not the larger of
# the two ends, so an interval nested inside it cuts it short: (1, 10), (2, 3) gives (1, 3).
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged

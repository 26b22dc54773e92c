# Bug: also merges intervals one apart ("integers, so [1, 2] and [3, 4] are contiguous"),
# but closed intervals (1, 2) and (3, 4) share no point and must stay separate.
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged

# Bug: "dedupes" with a dict from start to end, keeping the last end seen for each start, so
# of (1, 5) and (1, 2) only (1, 2) survives.
def merge_intervals(intervals):
    end_of = {}
    for start, end in intervals:
        end_of[start] = end
    merged = []
    for start in sorted(end_of):
        end = end_of[start]
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged

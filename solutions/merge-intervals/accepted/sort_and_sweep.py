# Accepted: sort by start, then extend the last merged interval or start a new one. Returns
# lists rather than tuples, which the judge accepts.
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals, key=lambda interval: interval[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged

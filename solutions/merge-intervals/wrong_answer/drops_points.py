# Bug: skips intervals with start == end as "empty", but a closed interval (x, x) is the
# point x: it must appear in the answer (alone, or merged into an interval that holds x).
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged

# Time limit exceeded: no sort up front; each interval absorbs every merged interval it
# overlaps, scanning all of them. Right, but O(n · k) for k merged intervals: O(n^2) when
# few intervals overlap.
def merge_intervals(intervals):
    merged = []
    for start, end in intervals:
        kept = []
        for low, high in merged:
            if low <= end and start <= high:
                start, end = min(start, low), max(end, high)
            else:
                kept.append((low, high))
        kept.append((start, end))
        merged = kept
    return sorted(merged)

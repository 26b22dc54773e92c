# Accepted: a sweep over boundary events. At the same coordinate an opening sorts before a
# closing (closed intervals that touch merge); a merged interval ends when none is open.
def merge_intervals(intervals):
    events = sorted([(start, 0) for start, _ in intervals] + [(end, 1) for _, end in intervals])
    merged = []
    depth = 0
    for position, kind in events:
        if kind == 0:
            if depth == 0:
                opened = position
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                merged.append((opened, position))
    return merged

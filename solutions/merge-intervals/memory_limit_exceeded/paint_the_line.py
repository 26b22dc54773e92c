# Memory limit exceeded: paints every covered point on a number line (at twice the
# coordinates, so that (1, 2) and (3, 4) stay apart) and reads the runs back. Fine for
# coordinates up to 10^4; here the line is 4 · 10^9 cells long.
def merge_intervals(intervals):
    if not intervals:
        return []
    low = min(start for start, _ in intervals)
    high = max(end for _, end in intervals)
    line = bytearray(2 * (high - low) + 1)
    for start, end in intervals:
        line[2 * (start - low) : 2 * (end - low) + 1] = b"\1" * (2 * (end - start) + 1)
    merged = []
    cell = 0
    while cell < len(line):
        if line[cell]:
            first = cell
            while cell + 1 < len(line) and line[cell + 1]:
                cell += 1
            merged.append((first // 2 + low, cell // 2 + low))
        cell += 1
    return merged

# Runtime error: merges the sorted intervals recursively, one call per interval, so 10^5
# intervals exceed Python's recursion limit (RecursionError). Right on short lists.
def merge_intervals(intervals):
    def merge(ordered, index):
        if index == len(ordered):
            return []
        rest = merge(ordered, index + 1)
        start, end = ordered[index]
        while rest and rest[0][0] <= end:
            end = max(end, rest.pop(0)[1])
        return [(start, end), *rest]

    return merge(sorted(intervals), 0)

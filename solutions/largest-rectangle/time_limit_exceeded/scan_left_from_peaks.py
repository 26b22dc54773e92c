# Right answers, O(n^2) in the worst case: a best rectangle's right end is a bar taller than
# the next one (or the last bar), so only such "peaks" start a leftward scan that keeps the
# running minimum. Fast on increasing bars (one peak), quadratic on decreasing ones.
def largest_rectangle(heights):
    n = len(heights)
    best = 0
    for j in range(n):
        if j + 1 < n and heights[j + 1] >= heights[j]:
            continue
        lowest = heights[j]
        for i in range(j, -1, -1):
            lowest = min(lowest, heights[i])
            best = max(best, lowest * (j - i + 1))
    return best

# Right answers in O(n^2): grows a rectangle of each bar's height left and right while the
# neighbours are at least as tall. Sorted and flat histograms make every walk long.
def largest_rectangle(heights):
    n = len(heights)
    best = 0
    for i, h in enumerate(heights):
        left = i
        while left > 0 and heights[left - 1] >= h:
            left -= 1
        right = i
        while right < n - 1 and heights[right + 1] >= h:
            right += 1
        best = max(best, h * (right - left + 1))
    return best

# Accepted: a stack of indices with a height-0 sentinel bar at the end that flushes it, O(n).
def largest_rectangle(heights):
    best = 0
    stack = []
    bars = heights + [0]
    for i, h in enumerate(bars):
        while stack and bars[stack[-1]] > h:
            height = bars[stack.pop()]
            left = stack[-1] if stack else -1
            best = max(best, height * (i - left - 1))
        stack.append(i)
    return best

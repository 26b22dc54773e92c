# Bug: bounds each bar by the nearest bar that is lower *or equal* on both sides, so a run of
# equal bars is cut into width-1 pieces ([3, 3] gives 3, not 6). Stopping at equal bars is
# fine on one side only.
def largest_rectangle(heights):
    n = len(heights)
    left, right = [-1] * n, [n] * n
    stack = []
    for i in range(n):
        while stack and heights[stack[-1]] > heights[i]:
            stack.pop()
        left[i] = stack[-1] if stack else -1
        stack.append(i)
    stack = []
    for i in reversed(range(n)):
        while stack and heights[stack[-1]] > heights[i]:
            stack.pop()
        right[i] = stack[-1] if stack else n
        stack.append(i)
    return max((heights[i] * (right[i] - left[i] - 1) for i in range(n)), default=0)

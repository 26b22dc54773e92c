# Bug: only measures a bar's rectangle when a lower bar pops it, and never empties the stack
# at the end, so a rectangle that reaches the right edge is missed ([1, 2, 3] gives 0, not 4).
def largest_rectangle(heights):
    best = 0
    stack = []
    for i, h in enumerate(heights):
        while stack and heights[stack[-1]] > h:
            height = heights[stack.pop()]
            left = stack[-1] if stack else -1
            best = max(best, height * (i - left - 1))
        stack.append(i)
    return best

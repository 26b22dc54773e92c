# Bug: measures a popped bar's rectangle from the bar's own index, not from the bar below it
# on the stack, so it never reaches back over taller bars popped earlier ([2, 1, 2] gives 2,
# not 3: the low bar's rectangle spans all three).
def largest_rectangle(heights):
    best = 0
    stack = []
    bars = heights + [0]
    for i, h in enumerate(bars):
        while stack and bars[stack[-1]] > h:
            j = stack.pop()
            best = max(best, bars[j] * (i - j))
        stack.append(i)
    return best

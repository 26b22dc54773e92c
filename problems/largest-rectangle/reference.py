"""Reference solution: one pass with a stack of bars whose heights strictly increase.

Each stack entry `(start, height)` is a rectangle of that height that began at index `start`
and still extends to the current bar. A bar no taller than the top entry ends that
rectangle (its area is now known) and inherits its start, since the new, lower rectangle
reaches back as far. What is left at the end extends to the right edge. O(n) time: every
bar is pushed and popped once.
"""


def largest_rectangle(heights: list[int]) -> int:
    best = 0
    stack: list[tuple[int, int]] = []
    for i, height in enumerate(heights):
        start = i
        while stack and stack[-1][1] >= height:
            start, top = stack.pop()
            best = max(best, top * (i - start))
        stack.append((start, height))
    for start, top in stack:
        best = max(best, top * (len(heights) - start))
    return best

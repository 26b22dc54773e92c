# Accepted: depth-first search with an explicit stack (no recursion), three colours to find
# a cycle; a course is finished after all its prerequisites, so the finishing order is an
# order in which to take the courses. Returns a tuple.
WHITE, GREY, BLACK = 0, 1, 2


def course_order(n, prerequisites):
    needs = [[] for _ in range(n)]
    for course, first in prerequisites:
        needs[course].append(first)
    colour = [WHITE] * n
    finished = []
    for root in range(n):
        if colour[root] != WHITE:
            continue
        colour[root] = GREY
        stack = [(root, iter(needs[root]))]
        while stack:
            course, pending = stack[-1]
            for first in pending:
                if colour[first] == GREY:
                    return None  # first is on the current path: a cycle
                if colour[first] == WHITE:
                    colour[first] = GREY
                    stack.append((first, iter(needs[first])))
                    break
            else:
                stack.pop()
                colour[course] = BLACK
                finished.append(course)
    return tuple(finished)

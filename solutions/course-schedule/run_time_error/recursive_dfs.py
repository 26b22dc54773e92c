# Runtime error: a right three-colour depth-first search, but recursive: it goes one call
# deeper per prerequisite in a chain, and a chain through all 10^5 courses goes past the
# recursion limit (RecursionError).


def course_order(n, prerequisites):
    needs = [[] for _ in range(n)]
    for course, first in prerequisites:
        needs[course].append(first)
    state = [0] * n  # 0 new, 1 on the current path, 2 finished
    order = []

    def visit(course):
        state[course] = 1
        for first in needs[course]:
            if state[first] == 1 or (state[first] == 0 and not visit(first)):
                return False
        state[course] = 2
        order.append(course)
        return True

    for course in range(n):
        if state[course] == 0 and not visit(course):
            return None
    return order

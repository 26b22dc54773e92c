# Wrong answer: detects a cycle with a single "visited" set instead of "on the current
# path": reaching a course already finished by an earlier search (a prerequisite shared by
# two courses, or taken as a course of its own first) is taken for a cycle: None.


def course_order(n, prerequisites):
    needs = [set() for _ in range(n)]
    for course, first in prerequisites:
        needs[course].add(first)
    visited = set()
    order = []

    def visit(course):
        if course in visited:
            return False
        visited.add(course)
        for first in needs[course]:
            if not visit(first):
                return False
        order.append(course)
        return True

    for course in range(n):
        if course not in visited and not visit(course):
            return None
    return order

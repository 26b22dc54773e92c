"""Reference solution: Kahn's algorithm.

Take any course none of whose prerequisites is still untaken, and count down the waiting
prerequisites of each course it unlocks. On a cycle (a self-prerequisite included) some
course never gets to zero waiting, so fewer than n courses are taken.
"""


def course_order(n: int, prerequisites: list[tuple[int, int]]) -> list[int] | None:
    unlocks: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for course, first in prerequisites:
        unlocks[first].append(course)
        waiting[course] += 1
    ready = [course for course in range(n) if waiting[course] == 0]
    order = []
    while ready:
        course = ready.pop()
        order.append(course)
        for later in unlocks[course]:
            waiting[later] -= 1
            if waiting[later] == 0:
                ready.append(later)
    return order if len(order) == n else None

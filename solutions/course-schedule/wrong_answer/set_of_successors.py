# Wrong answer: keeps the courses each course unlocks in a set, which drops a repeated pair,
# but counts the in-degrees over every pair: a course with a duplicated prerequisite never
# gets down to zero, so a schedule with a repeated pair is reported as a cycle (None).
from collections import defaultdict


def course_order(n, prerequisites):
    unlocks = defaultdict(set)
    indegree = [0] * n
    for course, first in prerequisites:
        unlocks[first].add(course)
        indegree[course] += 1
    ready = [c for c in range(n) if indegree[c] == 0]
    order = []
    while ready:
        c = ready.pop()
        order.append(c)
        for nxt in unlocks[c]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == n else None

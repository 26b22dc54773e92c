# Time limit exceeded: right, but finds the next course to take by scanning every course
# for one that is not taken and has no prerequisite left: O(n) per course, O(n² + m) in all.


def course_order(n, prerequisites):
    unlocks = [[] for _ in range(n)]
    waiting = [0] * n
    for course, first in prerequisites:
        unlocks[first].append(course)
        waiting[course] += 1
    taken = [False] * n
    order = []
    while len(order) < n:
        for course in range(n):
            if not taken[course] and waiting[course] == 0:
                break
        else:
            return None  # every course left waits for another: a cycle
        taken[course] = True
        order.append(course)
        for later in unlocks[course]:
            waiting[later] -= 1
    return order

# Wrong answer: a greedy heuristic. It matches each letter of one string with the next
# occurrence in the other, tries both directions and keeps the longer. The result is always
# a common subsequence and right on many inputs (all the samples), but not always a longest
# one: a="aabb", b="babba" gives "aa", while "abb" is longer.


def _greedy(first: str, second: str) -> str:
    out = []
    j = 0
    for letter in first:
        k = second.find(letter, j)
        if k >= 0:
            out.append(letter)
            j = k + 1
    return "".join(out)


def lcs(a: str, b: str) -> str:
    forward, backward = _greedy(a, b), _greedy(b, a)
    return forward if len(forward) >= len(backward) else backward

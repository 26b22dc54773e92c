"""Reference solution: the Wagner-Fischer table, kept two rows at a time.

`previous[j]` is the distance between the first i - 1 letters of `a` and the first j
letters of `b`; `current` is the same for the first i letters of `a`. A cell is the cheapest
of: substitute (or keep) the last letters, delete the last letter of a, insert the last
letter of b. Only the last row is needed for the next one, so memory is O(len(b)).
"""


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b):
            current.append(
                min(previous[j] + (letter != other), previous[j + 1] + 1, current[j] + 1)
            )
        previous = current
    return previous[-1]

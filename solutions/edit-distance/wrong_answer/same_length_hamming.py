# Wrong answer: a "shortcut" for strings of the same length: count the positions that differ
# (the Hamming distance), as if only substitutions were needed. "abc" → "bca" is 2 edits
# (delete a, insert a at the end), not 3.


def edit_distance(a, b):
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b))
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]

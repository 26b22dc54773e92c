# Time limit exceeded: the right recursion without memoisation, exponential in the length
# (two branches at every mismatch).


def lcs(a: str, b: str) -> str:
    if not a or not b:
        return ""
    if a[0] == b[0]:
        return a[0] + lcs(a[1:], b[1:])
    left, right = lcs(a[1:], b), lcs(a, b[1:])
    return left if len(left) >= len(right) else right

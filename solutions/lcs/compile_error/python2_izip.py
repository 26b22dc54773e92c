# Compile error: Python 2 code. itertools.izip was removed in Python 3 (zip is lazy now), so
# the file fails at import time with ImportError and no case can run.
from itertools import izip


def lcs(a: str, b: str) -> str:
    prev = [""] * (len(b) + 1)
    for letter in a:
        row = [""]
        for (j, other), up, diagonal in izip(enumerate(b), prev[1:], prev):
            if letter == other:
                row.append(diagonal + letter)
            else:
                row.append(max(up, row[j], key=len))
        prev = row
    return prev[-1]

# Wrong answer: keeps a string per cell and picks the better neighbour with max(x, y), which
# compares strings alphabetically, not by length ("z" beats "ab"): sometimes not longest.


def lcs(a: str, b: str) -> str:
    prev = [""] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        row = [""] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                row[j] = prev[j - 1] + a[i - 1]
            else:
                row[j] = max(prev[j], row[j - 1])
        prev = row
    return prev[-1]

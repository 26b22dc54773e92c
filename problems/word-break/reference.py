"""Reference solution: for every suffix of `s`, one first word that leads to a full split.

`cut[i]` is an end `j` such that `s[i:j]` is a word and `s[j:]` splits into words, or None
when `s[i:]` does not split; `cut[n]` is `n` (the empty rest splits into no words). Filling
it from the end, each position tries one slice per distinct word length, so the work is
O(n · the number of distinct lengths) set lookups of at most 20 letters each. The split is
then read off from the front by following `cut`.
"""

from collections.abc import Iterator


def word_break(s: str, words: list[str]) -> list[str] | None:
    vocabulary = set(words)
    lengths = {len(word) for word in vocabulary}
    n = len(s)
    cut: list[int | None] = [None] * n + [n]
    for i in reversed(range(n)):
        for length in lengths:
            j = i + length
            if j <= n and cut[j] is not None and s[i:j] in vocabulary:
                cut[i] = j
    return None if cut[0] is None else list(_pieces(s, cut))


def _pieces(s: str, cut: list[int | None]) -> Iterator[str]:
    """The words of the split that `cut` records, from the front."""
    start = 0
    while start < len(s):
        end = cut[start]
        yield s[start:end]
        start = end

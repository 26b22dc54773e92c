"""Reference solution: byte-pair encoding over a table of distinct words and their counts.

`train` counts each distinct word once, weighted by how often it occurs, so a merge costs
O(total length of the distinct words), however often they repeat. `encode` merges the
lowest-ranked learned pair present until none is: O(|word|^2) dict look-ups.
"""

from collections import Counter
from itertools import pairwise


def merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """The symbols with each occurrence of `pair` merged, left to right, never overlapping."""
    merged = []
    i = 0
    while i < len(symbols):
        if tuple(symbols[i : i + 2]) == pair:
            merged.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            merged.append(symbols[i])
            i += 1
    return merged


class BPE:
    def __init__(self) -> None:
        self.ranks: dict[tuple[str, str], int] = {}

    def train(self, corpus: list[str], merges: int) -> list[tuple[str, str]]:
        words = [(list(word), count) for word, count in Counter(corpus).items()]
        learned: list[tuple[str, str]] = []
        for _ in range(merges):
            pairs: Counter[tuple[str, str]] = Counter()
            for symbols, count in words:
                for pair in pairwise(symbols):
                    pairs[pair] += count
            if not pairs:
                break
            best = min(pairs, key=lambda pair: (-pairs[pair], pair))
            learned.append(best)
            words = [(merge(symbols, best), count) for symbols, count in words]
        self.ranks = {pair: rank for rank, pair in enumerate(learned)}
        return learned

    def encode(self, word: str) -> list[str]:
        symbols = list(word)
        while True:
            present = [(self.ranks[pair], pair) for pair in pairwise(symbols) if pair in self.ranks]
            if not present:
                return symbols
            symbols = merge(symbols, min(present)[1])

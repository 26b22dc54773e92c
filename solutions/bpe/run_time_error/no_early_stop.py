# Bug: never checks whether any pair is left, so when the corpus runs out of pairs before
# `merges` merges, max() of no counts raises ValueError.
from collections import Counter


def merge(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if tuple(symbols[i : i + 2]) == pair:
            out.append(pair[0] + pair[1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


class BPE:
    def __init__(self):
        self.ranks = {}

    def train(self, corpus, merges):
        words = [(list(word), count) for word, count in Counter(corpus).items()]
        learned = []
        for _ in range(merges):
            pairs = Counter()
            for symbols, count in words:
                for pair in zip(symbols, symbols[1:]):
                    pairs[pair] += count
            top = max(pairs.values())
            best = min(pair for pair in pairs if pairs[pair] == top)
            learned.append(best)
            words = [(merge(symbols, best), count) for symbols, count in words]
        self.ranks = {pair: rank for rank, pair in enumerate(learned)}
        return learned

    def encode(self, word):
        symbols = list(word)
        while True:
            present = [(self.ranks[p], p) for p in zip(symbols, symbols[1:]) if p in self.ranks]
            if not present:
                return symbols
            symbols = merge(symbols, min(present)[1])

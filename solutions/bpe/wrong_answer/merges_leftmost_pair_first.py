# Bug: encode merges the leftmost learned pair in the word first, instead of the learned
# pair of lowest rank: with (b, c) learned before (a, b), "abc" must become a, bc, but this
# gives ab, c.
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
            if not pairs:
                break
            best = min(pairs, key=lambda pair: (-pairs[pair], pair))
            learned.append(best)
            words = [(merge(symbols, best), count) for symbols, count in words]
        self.ranks = {pair: rank for rank, pair in enumerate(learned)}
        return learned

    def encode(self, word):
        symbols = list(word)
        while True:
            learned = [p for p in zip(symbols, symbols[1:]) if p in self.ranks]
            if not learned:
                return symbols
            symbols = merge(symbols, learned[0])

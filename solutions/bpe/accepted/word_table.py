# Accepted: a table of distinct words (as tuples of symbols) and their counts; each merge
# recounts the pairs of the table only. encode is GPT-2's loop: merge the lowest-ranked
# pair present until none is.
from collections import Counter


def merge_pair(symbols, left, right):
    out = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


class BPE:
    def __init__(self):
        self.ranks = {}

    def train(self, corpus, merges):
        table = Counter(tuple(word) for word in corpus)
        learned = []
        while len(learned) < merges:
            counts = Counter()
            for symbols, freq in table.items():
                for pair in zip(symbols, symbols[1:]):
                    counts[pair] += freq
            if not counts:
                break
            top = max(counts.values())
            left, right = min(pair for pair, count in counts.items() if count == top)
            learned.append((left, right))
            merged = Counter()
            for symbols, freq in table.items():
                merged[merge_pair(symbols, left, right)] += freq
            table = merged
        self.ranks = {pair: rank for rank, pair in enumerate(learned)}
        return learned

    def encode(self, word):
        symbols = tuple(word)
        while len(symbols) > 1:
            pair = min(zip(symbols, symbols[1:]), key=lambda p: self.ranks.get(p, float("inf")))
            if pair not in self.ranks:
                break
            symbols = merge_pair(symbols, *pair)
        return list(symbols)

# Bug: keeps each word as its symbols joined by spaces and merges with str.replace, which
# also matches inside longer symbols: after merging (a, b), the pair (b, c) is "merged" in
# "ab c" too, turning the symbols ab, c into a single abc.
from collections import Counter


class BPE:
    def __init__(self):
        self.merges = []

    def train(self, corpus, merges):
        words = Counter(" ".join(word) for word in corpus if word)
        learned = []
        for _ in range(merges):
            pairs = Counter()
            for text, count in words.items():
                symbols = text.split(" ")
                for pair in zip(symbols, symbols[1:]):
                    pairs[pair] += count
            if not pairs:
                break
            left, right = min(pairs, key=lambda pair: (-pairs[pair], pair))
            learned.append((left, right))
            merged = Counter()
            for text, count in words.items():
                merged[text.replace(left + " " + right, left + right)] += count
            words = merged
        self.merges = learned
        return learned

    def encode(self, word):
        ranks = {pair: rank for rank, pair in enumerate(self.merges)}
        text = " ".join(word)
        while text:
            symbols = text.split(" ")
            present = [(ranks[p], p) for p in zip(symbols, symbols[1:]) if p in ranks]
            if not present:
                return symbols
            left, right = min(present)[1]
            text = text.replace(left + " " + right, left + right)
        return []

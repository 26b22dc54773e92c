# Accepted: the efficient textbook BPE. Pair counts are kept up to date, and an index from
# each pair to the distinct words that hold it means a merge only rewrites those words.
from collections import Counter, defaultdict


class BPE:
    def __init__(self) -> None:
        self.learned: list = []
        self.ranks: dict = {}

    @staticmethod
    def _merge(symbols: list, pair: tuple) -> list:
        out, i = [], 0
        while i < len(symbols):
            if tuple(symbols[i : i + 2]) == pair:
                out.append(pair[0] + pair[1])
                i += 2
            else:
                out.append(symbols[i])
                i += 1
        return out

    def train(self, corpus: list, merges: int) -> list:
        freq = Counter(corpus)
        words = [list(word) for word in freq]
        weight = list(freq.values())
        counts: Counter = Counter()
        where = defaultdict(set)
        for index, symbols in enumerate(words):
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += weight[index]
                where[pair].add(index)
        learned = []
        for _ in range(merges):
            live = [(-count, pair) for pair, count in counts.items() if count > 0]
            if not live:
                break
            best = min(live)[1]
            learned.append(best)
            for index in list(where[best]):
                old = words[index]
                new = self._merge(old, best)
                for pair in zip(old, old[1:]):
                    counts[pair] -= weight[index]
                for pair in zip(new, new[1:]):
                    counts[pair] += weight[index]
                    where[pair].add(index)
                words[index] = new
            del where[best]
        self.learned = learned
        self.ranks = {pair: rank for rank, pair in enumerate(learned)}
        return learned

    def encode(self, word: str) -> list:
        symbols = list(word)
        while True:
            ranked = [self.ranks[p] for p in zip(symbols, symbols[1:]) if p in self.ranks]
            if not ranked:
                return symbols
            symbols = self._merge(symbols, self.learned[min(ranked)])

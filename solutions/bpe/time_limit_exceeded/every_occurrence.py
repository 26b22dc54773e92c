# Right answers, O(merges · total corpus length): counts and merges every occurrence of
# every word again at each step, instead of each distinct word once with its count.
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
        words = [list(word) for word in corpus]
        learned = []
        for _ in range(merges):
            counts = {}
            for symbols in words:
                for pair in zip(symbols, symbols[1:]):
                    counts[pair] = counts.get(pair, 0) + 1
            if not counts:
                break
            best = min(counts, key=lambda pair: (-counts[pair], pair))
            learned.append(best)
            words = [merge(symbols, best) for symbols in words]
        self.ranks = {pair: rank for rank, pair in enumerate(learned)}
        return learned

    def encode(self, word):
        symbols = list(word)
        while True:
            present = [(self.ranks[p], p) for p in zip(symbols, symbols[1:]) if p in self.ranks]
            if not present:
                return symbols
            symbols = merge(symbols, min(present)[1])

# Wrong answer: removes a word from the list once it is used, as if each word could be used
# only once. "aa" with ["a"] then has no split, but ["a", "a"] is one.


def word_break(s, words):
    def search(i, available):
        if i == len(s):
            return []
        for w in sorted(available):
            if s.startswith(w, i):
                rest = search(i + len(w), available - {w})
                if rest is not None:
                    return [w] + rest
        return None

    return search(0, frozenset(words))

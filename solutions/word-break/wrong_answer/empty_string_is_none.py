# Wrong answer: a guard that treats the empty string as "nothing to split", answering None,
# while "" splits into no words at all: the answer is [].
from functools import cache


def word_break(s, words):
    if not s:
        return None
    vocabulary = set(words)

    @cache
    def split(i):
        if i == len(s):
            return ()
        for j in range(i + 1, min(len(s), i + 20) + 1):
            if s[i:j] in vocabulary:
                rest = split(j)
                if rest is not None:
                    return (s[i:j], *rest)
        return None

    result = split(0)
    return None if result is None else list(result)

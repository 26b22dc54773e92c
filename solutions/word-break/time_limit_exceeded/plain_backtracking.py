# Time limit exceeded: backtracking over the first word, without remembering which positions
# are dead ends. On "aaa…ab" with the words "a", "aa", "aaa", … every way to split the a's is
# tried before giving up: exponentially many.


def word_break(s, words):
    vocabulary = set(words)

    def split(i):
        if i == len(s):
            return []
        for j in range(i + 1, min(len(s), i + 20) + 1):
            if s[i:j] in vocabulary:
                rest = split(j)
                if rest is not None:
                    return [s[i:j]] + rest
        return None

    return split(0)

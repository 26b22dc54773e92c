# Runtime error: bounds the look-back by max(len(w) for w in words), which raises ValueError
# when the list of words is empty (allowed: then only "" splits). Right otherwise.


def word_break(s, words):
    longest = max(len(w) for w in words)
    vocabulary = set(words)
    n = len(s)
    ok = [True] + [False] * n
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(max(0, i - longest), i):
            if ok[j] and s[j:i] in vocabulary:
                ok[i], back[i] = True, j
                break
    if not ok[n]:
        return None
    out = []
    while n > 0:
        out.append(s[back[n]:n])
        n = back[n]
    return out[::-1]

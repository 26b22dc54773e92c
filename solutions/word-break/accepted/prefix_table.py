# Accepted: the classic table over prefixes, ok[i] = "s[:i] splits", trying every earlier
# cut j (no more than 20 letters back), and a back link to rebuild the words.


def word_break(s, words):
    vocabulary = set(words)
    n = len(s)
    ok = [True] + [False] * n
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(max(0, i - 20), i):
            if ok[j] and s[j:i] in vocabulary:
                ok[i] = True
                back[i] = j
                break
    if not ok[n]:
        return None
    out = []
    i = n
    while i > 0:
        out.append(s[back[i]:i])
        i = back[i]
    return out[::-1]

# Wrong answer: always takes the longest word that fits at the current position and never
# backs up. Right on all the samples, but "aab" with ["aa", "a", "ab"] takes "aa", is left
# with "b", and answers None, while "a" + "ab" works.


def word_break(s, words):
    by_length = sorted(set(words), key=len, reverse=True)
    out = []
    i = 0
    while i < len(s):
        for w in by_length:
            if s.startswith(w, i):
                out.append(w)
                i += len(w)
                break
        else:
            return None
    return out

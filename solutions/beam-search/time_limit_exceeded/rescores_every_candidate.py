# Right answers, the textbook way: every one of the beam·V candidates of a step is built as
# a new list of tokens and scored from scratch by summing its log-probabilities, O(max_len)
# each: O(max_len² · beam · V) time, 1.6·10^6 candidates of up to 100 tokens at the largest
# size. (The sort is stable, so equal scores keep the listed order: the tie rule.)
def beam_search(start, transition, beam, max_len, eos):
    start, transition = start.tolist(), transition.tolist()
    V = len(start)

    def score(tokens):
        total = start[tokens[0]]
        for previous, token in zip(tokens, tokens[1:]):
            total += transition[previous][token]
        return total

    hyps = [[]]
    finished = []
    for _ in range(max_len):
        candidates = [tokens + [v] for tokens in hyps for v in range(V)]
        candidates.sort(key=score, reverse=True)
        kept = candidates[:beam]
        finished += [c for c in kept if c[-1] == eos]
        hyps = [c for c in kept if c[-1] != eos]
        if not hyps:
            break
    return max(finished + hyps, key=score)

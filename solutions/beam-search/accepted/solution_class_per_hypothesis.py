# LeetCode style, half-vectorised: for each hypothesis, numpy finds its own `beam` best
# extensions (a stable argsort of one row of V scores); the global `beam` best are among
# those beam·beam, merged in Python by (score desc, parent position, token): the tie rule.
# Stops early once the best finished score beats every score in the beam (log-probs <= 0).
import numpy as np


class Solution:
    def beam_search(self, start, transition, beam, max_len, eos):
        hyps = [(0.0, [])]  # (score, tokens), in beam order
        best = None  # (score, tokens) of the best finished hypothesis
        for _ in range(max_len):
            cands = []
            for position, (score, tokens) in enumerate(hyps):
                row = score + (start if not tokens else transition[tokens[-1]])
                for token in np.argsort(-row, kind="stable")[:beam].tolist():
                    cands.append((-row[token], position, token))
            cands.sort()
            next_hyps = []
            for negative, position, token in cands[:beam]:
                tokens = hyps[position][1] + [token]
                if token == eos:
                    if best is None or -negative > best[0]:
                        best = (-negative, tokens)
                else:
                    next_hyps.append((-negative, tokens))
            hyps = next_hyps
            if not hyps or (best is not None and best[0] >= hyps[0][0]):
                break
        if hyps and (best is None or hyps[0][0] > best[0]):
            return hyps[0][1]
        return best[1]

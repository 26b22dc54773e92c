# Bug: takes the best candidates from the end of an ascending argsort, so among equal scores
# the later candidate (later parent, higher token id) wins: the opposite of the tie rule.
import numpy as np


def beam_search(start, transition, beam, max_len, eos):
    V = start.shape[0]
    seqs = np.zeros((1, 0), dtype=np.int64)
    scores = np.zeros(1)
    pool = []
    for step in range(max_len):
        rows = start[None, :] if step == 0 else transition[seqs[:, -1]]
        cand = (scores[:, None] + rows).ravel()
        kept = np.argsort(cand, kind="stable")[::-1][:beam]
        seqs = np.column_stack([seqs[kept // V], kept % V])
        scores = cand[kept]
        done = kept % V == eos
        pool += zip(scores[done].tolist(), seqs[done].tolist())
        seqs, scores = seqs[~done], scores[~done]
        if scores.size == 0:
            break
    pool += zip(scores.tolist(), seqs.tolist())
    best = max(score for score, _ in pool)
    return next(seq for score, seq in pool if score == best)

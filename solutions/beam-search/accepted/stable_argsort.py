# Vectorised, the plain way: score all beam·V candidates of a step as one array (row-major:
# parent by parent, token by token) and take the first `beam` of a stable argsort of the
# negated scores: equal scores keep that order. O(beam·V log(beam·V)) per step.
import numpy as np


def beam_search(start, transition, beam, max_len, eos):
    V = start.shape[0]
    seqs = [[]]
    scores = np.zeros(1)
    finished = []
    for step in range(max_len):
        last = None if step == 0 else np.array([s[-1] for s in seqs])
        rows = np.broadcast_to(start, (1, V)) if step == 0 else transition[last]
        cand = (scores[:, None] + rows).ravel()
        order = np.argsort(-cand, kind="stable")[:beam]
        new_seqs, new_scores = [], []
        for index in order.tolist():
            parent, token = divmod(index, V)
            seq = seqs[parent] + [token]
            if token == eos:
                finished.append((cand[index], seq))
            else:
                new_seqs.append(seq)
                new_scores.append(cand[index])
        seqs, scores = new_seqs, np.array(new_scores)
        if not seqs:
            break
    pool = finished + list(zip(scores.tolist(), seqs))
    best = max(score for score, _ in pool)
    return next(seq for score, seq in pool if score == best)

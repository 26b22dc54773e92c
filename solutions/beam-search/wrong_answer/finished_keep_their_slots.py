# Bug: finished hypotheses stay in the beam (not extended, score fixed) and keep competing
# for its slots, and the answer is the best of the final beam: a finished hypothesis that
# better candidates push out of the beam is lost, even if those candidates end up worse.
import numpy as np


def beam_search(start, transition, beam, max_len, eos):
    V = start.shape[0]
    seqs = [[]]
    scores = np.zeros(1)
    for step in range(max_len):
        done = np.array([bool(s) and s[-1] == eos for s in seqs])
        if done.all():
            break
        last = np.array([s[-1] if s else 0 for s in seqs])
        rows = start[None, :] if step == 0 else transition[last]
        cand = scores[:, None] + rows
        cand[done] = -np.inf  # a finished hypothesis is not extended...
        cand[done, 0] = scores[done]  # ...it competes once, with its own score
        order = np.argsort(-cand.ravel(), kind="stable")[:beam]
        order = order[np.isfinite(cand.ravel()[order])]
        new_seqs = []
        for index in order.tolist():
            parent, token = divmod(index, V)
            new_seqs.append(seqs[parent] if done[parent] else seqs[parent] + [token])
        seqs, scores = new_seqs, cand.ravel()[order]
    return seqs[int(np.argmax(scores))]

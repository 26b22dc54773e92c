# Bug: returns the best hypothesis of the final beam, and looks at the finished ones only
# when the beam has died out. A hypothesis that finished early with a better score than
# everything still in the beam at max_len is ignored.
import numpy as np


def beam_search(start, transition, beam, max_len, eos):
    V = start.shape[0]
    seqs = np.zeros((1, 0), dtype=np.int64)
    scores = np.zeros(1)
    finished = []
    for step in range(max_len):
        rows = start[None, :] if step == 0 else transition[seqs[:, -1]]
        cand = (scores[:, None] + rows).ravel()
        kept = np.argsort(-cand, kind="stable")[:beam]
        seqs = np.column_stack([seqs[kept // V], kept % V])
        scores = cand[kept]
        done = kept % V == eos
        finished += zip(scores[done].tolist(), seqs[done].tolist())
        seqs, scores = seqs[~done], scores[~done]
        if scores.size == 0:
            return max(finished, key=lambda item: item[0])[1]
    return seqs[int(np.argmax(scores))].tolist()

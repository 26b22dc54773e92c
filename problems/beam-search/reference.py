"""Reference solution: the beam as arrays, one vectorised selection per step.

The beam's hypotheses are the rows of `sequences` (best first), with their `scores`. A step
scores all beam·V one-token extensions at once, parent by parent and token by token in
row-major order. A partition finds the beam-th best score in O(beam·V); the candidates at
least that good (those tied with it included) are sorted stably by score, so equal scores
keep the row-major order (the statement's tie rule), and the first `beam` are kept. Kept
hypotheses that end in eos are set aside. O(max_len · beam · V) time.
"""

import numpy


def beam_search(
    start: numpy.ndarray, transition: numpy.ndarray, beam: int, max_len: int, eos: int
) -> list[int]:
    vocabulary = start.shape[0]
    sequences = numpy.zeros((1, 0), dtype=numpy.int64)
    scores = numpy.zeros(1)
    pool: list[tuple[float, list[int]]] = []  # finished hypotheses, in the order they finish
    for step in range(max_len):
        steps = start[None, :] if step == 0 else transition[sequences[:, -1]]
        flat = (scores[:, None] + steps).ravel()
        cut = max(flat.size - beam, 0)
        threshold = numpy.partition(flat, cut)[cut]  # the beam-th best score
        contenders = numpy.flatnonzero(flat >= threshold)
        kept = contenders[numpy.argsort(-flat[contenders], kind="stable")][:beam]
        parents, tokens = numpy.divmod(kept, vocabulary)
        sequences = numpy.column_stack([sequences[parents], tokens])
        scores = flat[kept]
        ended = tokens == eos
        pool += zip(scores[ended].tolist(), sequences[ended].tolist(), strict=True)
        sequences, scores = sequences[~ended], scores[~ended]
        if scores.size == 0:
            break
    pool += zip(scores.tolist(), sequences.tolist(), strict=True)
    best = max(range(len(pool)), key=lambda i: pool[i][0])  # the first of equal scores
    return pool[best][1]

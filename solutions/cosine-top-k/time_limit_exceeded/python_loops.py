# Right answers, but a Python loop over every (query, corpus row) pair: 128 × 5·10^4 pairs
# of 8 multiplications each, then a sort of each row's Python list.
import math


def cosine_top_k(queries, corpus, k):
    rows = corpus.tolist()
    norms = [math.sqrt(sum(v * v for v in row)) for row in rows]
    indices, scores = [], []
    for query in queries.tolist():
        qn = math.sqrt(sum(v * v for v in query))
        row_scores = []
        for j, row in enumerate(rows):
            dot = sum(a * b for a, b in zip(query, row))
            row_scores.append(dot / (qn * norms[j]) if qn > 0 and norms[j] > 0 else 0.0)
        best = sorted(range(len(rows)), key=lambda j: -row_scores[j])[:k]
        indices.append(best)
        scores.append([row_scores[j] for j in best])
    return indices, scores

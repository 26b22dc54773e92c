"""Reference solution: sort each class's scores, then two binary searches per positive.

For a positive score s, `searchsorted(neg, s, "left")` counts the negatives below s and
`searchsorted(neg, s, "right")` those at or below it, so their sum is twice the pairs it
wins plus the pairs it ties: the numerator of the AUC, doubled, in exact integers.
O(n log n) time, O(n) memory, one division at the end. (Sorting the positives too is not
needed for the counts, but makes the binary searches walk memory in order: 5× faster.)
"""

import numpy


def roc_auc(labels: numpy.ndarray, scores: numpy.ndarray) -> float | None:
    negatives = numpy.sort(scores[labels == 0])
    positives = numpy.sort(scores[labels == 1])
    if positives.size == 0 or negatives.size == 0:
        return None
    below = numpy.searchsorted(negatives, positives, side="left")
    at_or_below = numpy.searchsorted(negatives, positives, side="right")
    twice_wins = int(below.sum()) + int(at_or_below.sum())
    return twice_wins / (2 * positives.size * negatives.size)

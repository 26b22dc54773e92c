"""Reference solution: the sum of p·(log p - log q) over the entries where p > 0.

Terms with p = 0 are left out: 0·log(0/q) is 0 by convention (the limit of t·log t), even
where q is 0 too. A term with q = 0 < p is p·(log p + inf) = inf, and so is the sum.
Subtracting logarithms, rather than taking log(p/q), never forms the ratio, which
overflows when q is tiny: 0.5 / 1e-310 is beyond the largest double, its log is not.
"""

import numpy


def kl_divergence(p: numpy.ndarray, q: numpy.ndarray) -> float:
    support = p > 0
    with numpy.errstate(divide="ignore"):  # log(0) = -inf where q = 0 < p: the answer is inf
        log_q = numpy.log(q[support])
    return float(numpy.sum(p[support] * (numpy.log(p[support]) - log_q)))

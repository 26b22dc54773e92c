# Right answers, with a Python loop over every entry: 10^6 at the largest size.
import math


def kl_divergence(p, q):
    total = 0.0
    for i in range(len(p)):
        if p[i] > 0:
            if q[i] == 0:
                return math.inf
            total += p[i] * (math.log(p[i]) - math.log(q[i]))
    return total

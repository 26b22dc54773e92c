# A log-sum-exp helper, as in scipy.special.logsumexp: m + log(sum(exp(x - m))) with m the
# slice's maximum (kept as a dimension of size 1), then x minus it. O(n).
import numpy as np


def logsumexp(x, axis):
    m = np.max(x, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))


def log_softmax(x, axis=-1):
    return x - logsumexp(x, axis)

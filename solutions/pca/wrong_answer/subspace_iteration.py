# Bug: orthogonal (subspace) iteration with a fixed 60 steps instead of a real
# eigensolver: fine when the variances are far apart (as in every sample), but it has not
# converged when two of them are close (a ratio of 0.99 shrinks the error by 0.99 a step).
import numpy as np


def pca(x, k):
    centred = x - x.mean(axis=0)
    cov = centred.T @ centred / (len(x) - 1)
    basis = np.linalg.qr(np.random.default_rng(0).standard_normal((x.shape[1], k)))[0]
    for _ in range(60):
        basis = np.linalg.qr(cov @ basis)[0]
    variances = np.einsum("ij,ik,kj->j", basis, cov, basis)
    order = np.argsort(variances)[::-1]
    return basis[:, order].T, variances[order]

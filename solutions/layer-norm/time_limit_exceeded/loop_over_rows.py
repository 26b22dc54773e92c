# Right answers, half vectorised: a Python loop over the rows with numpy inside. Fine for
# 512 wide rows, seconds for the 2^18 rows of d = 4 (several numpy calls per row).
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    rows = x.reshape(-1, x.shape[-1])
    out = np.empty_like(rows)
    for i, row in enumerate(rows):
        centred = row - row.mean()
        out[i] = centred / np.sqrt(centred @ centred / row.size + eps) * gamma + beta
    return out.reshape(x.shape)

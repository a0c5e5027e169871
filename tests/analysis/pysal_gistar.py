#!/usr/bin/python3
"""Independent Gi* peer: libpysal Queen contiguity and a numpy Gi* (Debian python3-libpysal).

Used by tests/analysis/hotspots_test.cpp (z-scores and neighbour lists against ours) and by
bench/bench_analysis.cpp (timings). Debian 12 ships no esda, so the Gi* and its conditional
permutation are written with numpy the way esda.G_Local(star=True) computes them: binary
weights with the focal unit included (w_ii = 1, Ord & Getis 1995), and for each unit its k
neighbours' values drawn without replacement from the n - 1 others, 999 times.

  pysal_gistar.py IN.jsonl OUT_PREFIX [PERMUTATIONS=0] [SEED=1] [REPEAT=1]

IN.jsonl: one unit per line, {"x": value, "shells": [ring, ...], "holes": [ring, ...]} with
rings as [[lon, lat], ...]. Writes OUT_PREFIX.z (one z per line), OUT_PREFIX.nb (each unit's
neighbour indices, space separated, focal excluded), OUT_PREFIX.p (two-sided pseudo p per unit,
when PERMUTATIONS > 0), and prints the timings (best of REPEAT) as one JSON line.
"""
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")
t0 = time.perf_counter()
import numpy as np
import scipy.sparse as sp
import libpysal
from libpysal.cg import Polygon

t_import = time.perf_counter() - t0


def gistar_z(W, x):
    n = x.shape[0]
    Ws = (W + sp.identity(n, format="csr")).tocsr()  # focal unit included
    Wi = np.asarray(Ws.sum(axis=1)).ravel()
    S1 = np.asarray(Ws.multiply(Ws).sum(axis=1)).ravel()
    xbar = x.mean()
    S = np.sqrt((x * x).mean() - xbar * xbar)
    return (Ws @ x - xbar * Wi) / (S * np.sqrt((n * S1 - Wi * Wi) / (n - 1)))


def permutation_p(w, x, R, rng):
    """esda's conditional randomisation (its non-numba crand): one R × k_max table of draws
    from range(n - 1), reused for every unit over a shuffled list of the other units."""
    n = x.shape[0]
    card = np.array([w.cardinalities[i] for i in w.id_order])
    kmax = int(card.max())
    rids = np.array([rng.permutation(n - 1)[:kmax] for _ in range(R)])
    ids = np.arange(n)
    p = np.full(n, np.nan)
    for i in range(n):
        k = int(card[i])
        if k == 0:
            continue
        nb = np.fromiter(w.neighbors[i], dtype=np.int64, count=k)
        obs = x[nb].sum()
        others = ids[ids != i]
        rng.shuffle(others)
        lags = x[others[rids[:, :k]]].sum(axis=1)
        eps = 1e-12 * (abs(obs) + 1)
        ge = int((lags >= obs - eps).sum())
        le = int((lags <= obs + eps).sum())
        p[i] = min(1.0, 2.0 * (min(ge, le) + 1) / (R + 1))
    return p


def main():
    src, out = sys.argv[1], sys.argv[2]
    R = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    repeat = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    t0 = time.perf_counter()
    units = [json.loads(line) for line in open(src)]
    # Vertices as tuples: libpysal hashes them to find shared ones.
    rings = lambda rs: [[tuple(p) for p in r] for r in rs]
    polys = []
    for u in units:
        shells, holes = rings(u["shells"]), rings(u["holes"])
        polys.append(Polygon(shells if len(shells) > 1 else shells[0], holes=holes or None))
    x = np.array([u["x"] for u in units], dtype=np.float64)
    t_read = time.perf_counter() - t0
    best_w = best_g = best_p = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        w = libpysal.weights.Queen.from_iterable(polys)
        best_w = min(best_w, time.perf_counter() - t0)
    assert list(w.id_order) == list(range(len(polys)))
    W = w.sparse.tocsr().astype(np.float64)
    for _ in range(repeat):
        t0 = time.perf_counter()
        z = gistar_z(W, x)
        best_g = min(best_g, time.perf_counter() - t0)
    np.savetxt(out + ".z", z, fmt="%.17g")
    with open(out + ".nb", "w") as f:
        for i in range(len(polys)):
            f.write(" ".join(str(j) for j in sorted(w.neighbors[i])) + "\n")
    if R > 0:
        for _ in range(repeat):
            rng = np.random.default_rng(seed)
            t0 = time.perf_counter()
            p = permutation_p(w, x, R, rng)
            best_p = min(best_p, time.perf_counter() - t0)
        np.savetxt(out + ".p", p, fmt="%.17g")
    print(
        json.dumps(
            {
                "import_s": t_import,
                "read_s": t_read,
                "weights_s": best_w,
                "gistar_s": best_g,
                "permutations_s": best_p if R > 0 else None,
                "mean_neighbors": w.mean_neighbors,
                "libpysal": libpysal.__version__,
                "numpy": np.__version__,
            }
        )
    )


main()

"""Reference statistics for ToyDatasetStatisticsTest.

Runs the reference generator shared/bench/toy_data.py (FFJORD's lib/toy_data.py) through its
command line for every toy set, n = 20000, seed 0, and writes toy_stats.json next to this file:
per set the mean, population covariance, 5/25/50/75/95 % quantiles (numpy's default linear
interpolation) of x and y, mean radius, the standard error of each of those statistics, and point
counts on an 18 x 18 grid over [-4.5, 4.5]^2 (points outside are clamped into the edge cells).
ToyDatasetStatisticsTest computes the very same quantities from the Java sample; keep the two in
step when changing either.

The four Neural Spline Flows plane sets (diamond, crescent, sinewave, fourcircles) come from
nsf_plane.py next to this file (numpy only); `--nsf-only` recomputes just their entries and keeps
the others as they are.

Usage: /usr/bin/python3 make_toy_stats.py [path/to/toy_data.py] [--nsf-only]   (needs numpy + scikit-learn)
"""
import json, math, os, subprocess, sys, tempfile
import numpy as np

NAMES = ["swissroll", "circles", "moons", "rings", "8gaussians", "pinwheel", "2spirals", "checkerboard"]
NSF_NAMES = ["diamond", "crescent", "sinewave", "fourcircles"]
N, SEED = 20000, 0
QUANTILES = [0.05, 0.25, 0.50, 0.75, 0.95]
GRID_LO, GRID_HI, GRID_BINS = -4.5, 4.5, 18


def quantile_se(sorted_v, q):
    """Half the spread between the order statistics at ranks n*q -/+ sqrt(n*q*(1-q)): about one
    standard error of the q-quantile, estimated without assuming a density."""
    n = len(sorted_v)
    d = math.sqrt(n * q * (1 - q))
    lo = max(0, math.floor(n * q - d))
    hi = min(n - 1, math.ceil(n * q + d))
    return float(sorted_v[hi] - sorted_v[lo]) / 2


def stats(d):
    d = d.astype(np.float64)
    n = len(d)
    m = d.mean(0)
    c = d - m
    prods = {"xx": c[:, 0] * c[:, 0], "xy": c[:, 0] * c[:, 1], "yy": c[:, 1] * c[:, 1]}
    r = np.hypot(d[:, 0], d[:, 1])
    out = {
        "n": n,
        "mean": m.tolist(),
        "mean_se": (d.std(0) / math.sqrt(n)).tolist(),
        "cov": [float(prods[k].mean()) for k in ("xx", "xy", "yy")],
        "cov_se": [float(prods[k].std() / math.sqrt(n)) for k in ("xx", "xy", "yy")],
        "mean_radius": float(r.mean()),
        "mean_radius_se": float(r.std() / math.sqrt(n)),
        "quantile_levels": QUANTILES,
    }
    for axis, name in ((0, "x"), (1, "y")):
        s = np.sort(d[:, axis])
        out["quantiles_" + name] = [float(np.quantile(s, q)) for q in QUANTILES]
        out["quantiles_" + name + "_se"] = [quantile_se(s, q) for q in QUANTILES]
    width = (GRID_HI - GRID_LO) / GRID_BINS
    ij = np.clip(np.floor((d - GRID_LO) / width).astype(int), 0, GRID_BINS - 1)
    counts = np.zeros((GRID_BINS, GRID_BINS), dtype=int)
    np.add.at(counts, (ij[:, 1], ij[:, 0]), 1)  # row = y cell, column = x cell
    out["grid"] = {"lo": GRID_LO, "hi": GRID_HI, "bins": GRID_BINS, "counts_row_y": counts.tolist()}
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    args = [a for a in sys.argv[1:] if a != "--nsf-only"]
    nsf_only = len(args) < len(sys.argv) - 1
    script = args[0] if args else "/work/shared/bench/toy_data.py"
    result = {"generator": "toy_data.py (FFJORD lib/toy_data.py)", "n": N, "seed": SEED, "sets": {}}
    if nsf_only:
        with open(os.path.join(here, "toy_stats.json")) as f:
            result["sets"] = {k: v for k, v in json.load(f)["sets"].items() if k in NAMES}
    jobs = [] if nsf_only else [(script, name) for name in NAMES]
    jobs += [(os.path.join(here, "nsf_plane.py"), name) for name in NSF_NAMES]
    with tempfile.TemporaryDirectory() as tmp:
        for generator, name in jobs:
            csv = os.path.join(tmp, name + ".csv")
            subprocess.run([sys.executable, generator, name, str(N), csv, "--seed", str(SEED)], check=True)
            d = np.loadtxt(csv, delimiter=",", skiprows=1, dtype=np.float32)
            result["sets"][name] = stats(d)
    sets = result.pop("sets")
    head = json.dumps(result)[:-1]
    body = ",\n".join(" %s: %s" % (json.dumps(k), json.dumps(v)) for k, v in sets.items())
    with open(os.path.join(here, "toy_stats.json"), "w") as f:
        f.write(head + ', "sets": {\n' + body + "\n}}\n")


if __name__ == "__main__":
    main()

"""The four plane sets of the Neural Spline Flows code (Durkan et al. 2019, bayesiains/nsf
data/plane.py) that Flow Explorer adds, transcribed from torch to numpy with the same
distributions: diamond, crescent, sinewave, fourcircles. Writes n points as CSV (header x,y).

Differences from plane.py, kept on purpose: diamond's 1e-3 jitter of the grid means is left out
(it changes no density by more than the float32 rounding of the data), and fourcircles accepts
any n (the remainder of n/4 goes one point each to the first circles) and shuffles.

Usage: python3 nsf_plane.py NAME N OUT.csv [--seed S]
"""
import argparse
import numpy as np

NAMES = ["diamond", "crescent", "sinewave", "fourcircles"]


def sample(name, n, rng):
    if name == "diamond":
        grid = np.linspace(-2.5, 2.5, 20)
        means = np.array([(x, y) for x in grid for y in grid])
        d = means[rng.integers(0, 400, n)] + 0.04 * rng.standard_normal((n, 2))
        rot = np.array([[1, -1], [1, 1]]) / np.sqrt(2)
        return d @ rot
    if name == "crescent":
        x1 = rng.standard_normal(n)
        x2 = 0.5 * x1 ** 2 - 1 + np.exp(-1) * rng.standard_normal(n)
        return np.stack((x2, x1), 1)
    if name == "sinewave":
        x1 = rng.standard_normal(n)
        x2 = np.sin(5 * x1) + np.exp(-1) * rng.standard_normal(n)
        return np.stack((x1, x2), 1)
    if name == "fourcircles":
        centers = np.array([[-1, -1], [-1, 1], [1, -1], [1, 1]])
        u = rng.random(n)
        d = 2 * np.stack((np.cos(2 * np.pi * u), np.sin(2 * np.pi * u)), 1) + 0.1 * rng.standard_normal((n, 2))
        d -= centers[np.arange(n) % 4]
        return d[rng.permutation(n)]
    raise ValueError(name)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("name", choices=NAMES)
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    np.savetxt(a.out, sample(a.name, a.n, np.random.default_rng(a.seed)).astype(np.float32), delimiter=",",
               header="x,y", comments="")

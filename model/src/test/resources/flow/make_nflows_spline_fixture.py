"""Generates nflows_spline_fixture.json: nflows' own rational-quadratic spline on a few inputs.

Usage: /usr/bin/python3 make_nflows_spline_fixture.py <path to an nflows checkout> [out.json]

Runs nflows.transforms.splines.rational_quadratic.unconstrained_rational_quadratic_spline
(tails='linear', default minimum bin width/height/derivative 1e-3) in float64 on seeded random
unnormalised widths, heights and derivatives, forward and inverse, for two shapes (K=8, B=4 and
K=5, B=2). Inputs include the tails, the bounds ±B themselves and points just inside and outside
them. SplineNflowsFixtureTest reads the JSON and asks RationalQuadraticSpline for the same
numbers to 1e-5.

The nflows package's __init__ files import optional dependencies (UMNN); only the spline module
and the two modules it imports are needed, so the packages are registered as bare namespaces
whose submodules load from the checkout without running those __init__ files.
"""
import importlib
import json
import os
import sys
import types

import torch


def load_spline_module(checkout):
    root = os.path.join(os.path.abspath(checkout), "nflows")
    for name, sub in [("nflows", ""), ("nflows.utils", "utils"), ("nflows.transforms", "transforms"),
                      ("nflows.transforms.splines", os.path.join("transforms", "splines"))]:
        pkg = types.ModuleType(name)
        pkg.__path__ = [os.path.join(root, sub)]
        sys.modules[name] = pkg
    return importlib.import_module("nflows.transforms.splines.rational_quadratic")


def case(rqs, bins, bound, n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, generator=g, dtype=torch.float64) * bound * 0.8
    edges = torch.tensor([-bound, bound, -bound - 0.5, bound + 0.5, -bound + 1e-9, bound - 1e-9, 0.0],
                         dtype=torch.float64)
    x = torch.cat([x, edges])
    m = x.shape[0]
    scale = 1.5
    uw = torch.randn(m, bins, generator=g, dtype=torch.float64) * scale
    uh = torch.randn(m, bins, generator=g, dtype=torch.float64) * scale
    ud = torch.randn(m, bins - 1, generator=g, dtype=torch.float64) * scale
    y, ld = rqs.unconstrained_rational_quadratic_spline(x, uw, uh, ud.clone(), inverse=False, tails="linear",
                                                        tail_bound=bound)
    xi, ldi = rqs.unconstrained_rational_quadratic_spline(y, uw, uh, ud.clone(), inverse=True, tails="linear",
                                                          tail_bound=bound)
    params = torch.cat([uw, uh, ud], dim=1)
    return {"bins": bins, "tailBound": bound, "inputs": x.tolist(), "params": params.tolist(),
            "outputs": y.tolist(), "logabsdet": ld.tolist(), "inverse": xi.tolist(), "inverseLogabsdet": ldi.tolist()}


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: make_nflows_spline_fixture.py <nflows checkout> [out.json]")
    rqs = load_spline_module(sys.argv[1])
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "nflows_spline_fixture.json")
    fixture = {"source": "nflows unconstrained_rational_quadratic_spline, tails='linear', float64",
               "cases": [case(rqs, 8, 4.0, 40, 1), case(rqs, 5, 2.0, 30, 2)]}
    with open(out, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

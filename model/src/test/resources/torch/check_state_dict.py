#!/usr/bin/env python3
"""Used by TorchInteropTest: loads Java-exported state_dicts into the seed's RealNVP.

    check_state_dict.py POINTS.npz OUT.npz MODEL.npz [MODEL.npz ...]

For each MODEL (the architecture is read off the shapes, as a user would), builds
RealNVP(dim, n_layers, hidden) from make_torch_fixture.py, calls load_state_dict(strict=True),
and stores log_prob of POINTS['x'] as OUT['log_prob_<k>']. The first model's state_dict is also
written back, np.savez_compressed-style, as OUT-style file RESAVED next to OUT
('<OUT without .npz>_resaved.npz') so the Java side can read a numpy-compressed archive.
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_torch_fixture import RealNVP  # noqa: E402  (the seed's classes)


def load(path):
    sd = {k: torch.from_numpy(v) for k, v in np.load(path).items()}
    n_layers = 1 + max(int(k.split(".")[1]) for k in sd)
    dim = sd["layers.0.mask"].shape[0]
    linears = sorted(int(k.split(".")[3]) for k in sd if k.startswith("layers.0.net.") and k.endswith(".weight"))
    hidden = tuple(sd[f"layers.0.net.{j}.weight"].shape[0] for j in linears[:-1])
    model = RealNVP(dim, n_layers, hidden)
    model.load_state_dict(sd, strict=True)
    return model


def main():
    points, out, models = sys.argv[1], sys.argv[2], sys.argv[3:]
    torch.set_num_threads(1)
    x = torch.from_numpy(np.load(points)["x"])
    result = {}
    for k, path in enumerate(models):
        model = load(path)
        with torch.no_grad():
            result[f"log_prob_{k}"] = model.log_prob(x).numpy()
        if k == 0:
            np.savez_compressed(out[:-len(".npz")] + "_resaved.npz",
                                **{key: v.numpy() for key, v in model.state_dict().items()})
    np.savez(out, **result)
    print("ok", len(models))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes realnvp_fixture.npz, the PyTorch reference read by TorchAgreementTest.

    /usr/bin/python3 model/src/test/resources/torch/make_torch_fixture.py

Needs torch and numpy. The model classes are the seed's AffineCouplingLayer / RealNVP exactly as
in shared/bench/torch_realnvp.py (tanh*2 bounded log-scale, alternating half masks). Contents
(all float32, one np.savez archive):

  layers.{i}.mask, layers.{i}.net.{j}.weight/bias   state_dict of RealNVP(2, 4, (16, 16)) built with
                                                    torch.manual_seed(0), whose zero-initialised last
                                                    Linears are then re-drawn ~ N(0, 0.1²) so that the
                                                    flow is not the identity
  x [64, 2], z [64, 2], log_prob [64], log_det [64]  a fixed two-Gaussian mixture and the model on it
  batch [32, 2]                                      = x[:32]
  loss [], grad_norm []                              one training step on batch: loss = -log_prob.mean(),
                                                    grad_norm = clip_grad_norm_(params, 1.0)'s return
  grad.<parameter key>                               the unclipped gradient of loss (weights and biases only)
  after.<state_dict key>                             the state_dict after Adam(lr=1e-2).step()
"""
import os

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "realnvp_fixture.npz")


class AffineCouplingLayer(nn.Module):
    def __init__(self, dim, mask, hidden_dims):
        super().__init__()
        self.register_buffer("mask", mask.float())
        d_cond = int(mask.sum().item()); d_trans = dim - d_cond
        layers, prev = [], d_cond
        for h in hidden_dims:
            layers += [nn.Linear(prev, h), nn.ReLU()]; prev = h
        layers.append(nn.Linear(prev, d_trans * 2))
        self.net = nn.Sequential(*layers)
        nn.init.zeros_(self.net[-1].weight); nn.init.zeros_(self.net[-1].bias)

    def _st(self, xc):
        s, t = self.net(xc).chunk(2, dim=-1)
        return torch.tanh(s) * 2, t

    def forward(self, x):
        m = self.mask.bool(); s, t = self._st(x[:, m])
        y = x.clone(); y[:, ~m] = x[:, ~m] * torch.exp(s) + t
        return y, s.sum(-1)


def alternating_mask(dim, i):
    m = torch.zeros(dim)
    if i % 2 == 0: m[:dim // 2] = 1
    else: m[dim // 2:] = 1
    return m


class RealNVP(nn.Module):
    def __init__(self, dim, n_layers, hidden_dims):
        super().__init__()
        self.dim = dim
        self.layers = nn.ModuleList([AffineCouplingLayer(dim, alternating_mask(dim, i), hidden_dims) for i in range(n_layers)])

    def forward(self, x):
        ld = torch.zeros(x.shape[0])
        for l in self.layers:
            x, d = l(x); ld = ld + d
        return x, ld

    def log_prob(self, x):
        z, ld = self.forward(x)
        return -0.5 * (z ** 2 + np.log(2 * np.pi)).sum(-1) + ld


def state(model, prefix=""):
    return {prefix + k: v.detach().numpy().astype(np.float32).copy() for k, v in model.state_dict().items()}


def mixture_points():
    """A fixed two-component Gaussian mixture, well away from the origin, so the NLL gradient is large."""
    rng = np.random.default_rng(0)
    centres = np.array([[-1.5, 0.5], [1.0, -1.0]])
    comp = rng.integers(0, 2, size=64)
    return (centres[comp] + 0.4 * rng.standard_normal((64, 2))).astype(np.float32)


def evaluate(model, x, out):
    """x, z, log_det, log_prob of the model on x (no gradient)."""
    with torch.no_grad():
        z, ld = model(torch.from_numpy(x))
        lp = model.log_prob(torch.from_numpy(x))
    out.update(x=x, z=z.numpy(), log_det=ld.numpy(), log_prob=lp.numpy())


def training_step(model, x, out):
    """One step on x[:32]: loss, unclipped gradients, clip_grad_norm_(1.0), Adam(lr=1e-2), the state after."""
    batch = torch.from_numpy(x)[:32]
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss = -model.log_prob(batch).mean()
    opt.zero_grad(); loss.backward()
    grads = {"grad." + k: p.grad.numpy().copy() for k, p in model.named_parameters()}
    grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    assert grad_norm.item() > 1.5, f"gradient norm {grad_norm.item()} too small: clipping would not be exercised"
    out.update(batch=batch.numpy().copy(), loss=np.float32(loss.item()), grad_norm=np.float32(grad_norm.item()))
    out.update(grads)
    out.update(state(model, "after."))
    return loss.item(), grad_norm.item()


def seed_model(cls=None):
    """cls(2, 4, (16, 16)) (default: RealNVP) built with torch.manual_seed(0), its last Linears re-drawn ~ N(0, 0.1²)."""
    torch.manual_seed(0)
    torch.set_num_threads(1)
    model = (cls or RealNVP)(2, 4, (16, 16))
    with torch.no_grad():
        for layer in model.layers:
            nn.init.normal_(layer.net[-1].weight, std=0.1)
            nn.init.normal_(layer.net[-1].bias, std=0.1)
    return model


def main():
    model = seed_model()
    x = mixture_points()
    out = state(model)
    evaluate(model, x, out)
    loss, grad_norm = training_step(model, x, out)
    np.savez(OUT, **out)
    print(f"wrote {OUT}: loss={loss:.6f} grad_norm={grad_norm:.6f} torch={torch.__version__}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes realnvp_batchnorm_fixture.npz, the PyTorch reference read by TorchBatchNormAgreementTest.

    /usr/bin/python3 model/src/test/resources/torch/make_torch_batchnorm_fixture.py

Needs torch and numpy. The seed's RealNVP (make_torch_fixture.py's classes, tanh*2 scale) with a
batch normalisation after every coupling (issue 14, item 1): BatchNormFlow has the parameters
log_gamma, beta (init 0) and the buffers running_mean (0), running_var (1); training mode
normalises with the batch mean and biased batch variance and updates the running statistics
exactly as torch.nn.BatchNorm1d(momentum=0.1) (running variance from the unbiased batch
variance; checked below against BatchNorm1d itself), eps = 1e-5; y = x_hat * exp(log_gamma) + beta,
log|det| = sum(log_gamma - 0.5 * log(var + eps)). Contents (float32, one np.savez archive):

  layers.{i}.*, norms.{i}.log_gamma/beta/running_mean/running_var
                                      state_dict of RealNVP(2, 4, (16, 16)) with norms, built with
                                      torch.manual_seed(0); last Linears ~ N(0, 0.1²), log_gamma and
                                      beta ~ N(0, 0.2²), running_mean ~ N(0, 0.5²), running_var ~ U(0.5, 2)
  x [64, 2], z, log_det, log_prob     evaluation mode (running statistics)
  batch [32, 2] = x[:32]
  loss [], grad_norm []               one training-mode step: loss = -log_prob(batch).mean(),
                                      clip_grad_norm_(params, 1.0)
  grad.<parameter key>                the unclipped gradient (couplings and norms)
  after.<state_dict key>              the state_dict after that step: Adam(lr=1e-2) parameters and the
                                      running statistics the training forward pass updated
"""
import os

import numpy as np
import torch
import torch.nn as nn

from make_torch_fixture import AffineCouplingLayer, alternating_mask, evaluate, mixture_points, seed_model, state, training_step

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "realnvp_batchnorm_fixture.npz")
EPS, MOMENTUM = 1e-5, 0.1


class BatchNormFlow(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.log_gamma = nn.Parameter(torch.zeros(dim))
        self.beta = nn.Parameter(torch.zeros(dim))
        self.register_buffer("running_mean", torch.zeros(dim))
        self.register_buffer("running_var", torch.ones(dim))

    def forward(self, x):
        if self.training:
            mean, var = x.mean(0), x.var(0, unbiased=False)
            with torch.no_grad():
                self.running_mean.mul_(1 - MOMENTUM).add_(MOMENTUM * mean)
                self.running_var.mul_(1 - MOMENTUM).add_(MOMENTUM * x.var(0, unbiased=True))
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean) / torch.sqrt(var + EPS)
        y = x_hat * torch.exp(self.log_gamma) + self.beta
        ld = (self.log_gamma - 0.5 * torch.log(var + EPS)).sum()
        return y, ld.expand(x.shape[0])


class RealNVPWithNorms(nn.Module):
    def __init__(self, dim, n_layers, hidden_dims):
        super().__init__()
        self.layers = nn.ModuleList([AffineCouplingLayer(dim, alternating_mask(dim, i), hidden_dims) for i in range(n_layers)])
        self.norms = nn.ModuleList([BatchNormFlow(dim) for _ in range(n_layers)])

    def forward(self, x):
        ld = torch.zeros(x.shape[0])
        for layer, norm in zip(self.layers, self.norms):
            x, d = layer(x)
            x, dn = norm(x)
            ld = ld + d + dn
        return x, ld

    def log_prob(self, x):
        z, ld = self.forward(x)
        return -0.5 * (z ** 2 + np.log(2 * np.pi)).sum(-1) + ld


def check_against_batchnorm1d():
    """Our running-statistics update is torch.nn.BatchNorm1d's."""
    x = torch.randn(32, 2, generator=torch.Generator().manual_seed(5)) * 3 + 1
    ours, ref = BatchNormFlow(2), nn.BatchNorm1d(2, momentum=MOMENTUM, eps=EPS, affine=False)
    ours.running_mean.fill_(0.4); ref.running_mean.fill_(0.4)
    ours.running_var.fill_(1.7); ref.running_var.fill_(1.7)
    y, _ = ours(x)
    y_ref = ref(x)
    assert torch.allclose(y, y_ref, atol=1e-5), "normalised output differs from BatchNorm1d"
    assert torch.allclose(ours.running_mean, ref.running_mean) and torch.allclose(ours.running_var, ref.running_var)


def main():
    torch.set_num_threads(1)
    check_against_batchnorm1d()
    model = seed_model(RealNVPWithNorms)
    with torch.no_grad():
        for norm in model.norms:
            nn.init.normal_(norm.log_gamma, std=0.2)
            nn.init.normal_(norm.beta, std=0.2)
            norm.running_mean.normal_(std=0.5)
            norm.running_var.uniform_(0.5, 2.0)

    x = mixture_points()
    out = state(model)
    model.eval()
    evaluate(model, x, out)
    model.train()
    loss, grad_norm = training_step(model, x, out)
    np.savez(OUT, **out)
    print(f"wrote {OUT}: loss={loss:.6f} grad_norm={grad_norm:.6f} torch={torch.__version__}")


if __name__ == "__main__":
    main()

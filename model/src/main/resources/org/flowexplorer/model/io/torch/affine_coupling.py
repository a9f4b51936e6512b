def log_scale_function(scale):
    """raw s -> s for the scale parameterisations: tanh:B (the seed's tanh:2), softplus, exp."""
    if scale.startswith("tanh:"):
        bound = float(scale[len("tanh:"):])
        return lambda raw: torch.tanh(raw) * bound
    if scale == "softplus":
        # exp(s) = softplus(raw); below -40, log softplus(raw) = raw (and softplus underflows in float32)
        return lambda raw: torch.where(raw < -40, raw, torch.log(F.softplus(raw)))
    if scale == "exp":
        return lambda raw: raw
    raise ValueError("unknown scale %r (expected tanh:B, softplus or exp)" % scale)


class AffineCouplingLayer(nn.Module):
    """The seed's coupling: y_B = x_B * exp(s) + t, [raw s | t] = net(x_A), s = scale(raw s); log|det J| = sum s."""

    def __init__(self, dim, mask, hidden_dims, scale="tanh:2"):
        super().__init__()
        self.register_buffer("mask", mask.float())
        d_cond = int(mask.sum().item())
        d_trans = dim - d_cond
        self.net = conditioner(d_cond, hidden_dims, d_trans * 2)
        self.log_scale = log_scale_function(scale)

    def _st(self, xc):
        s, t = self.net(xc).chunk(2, dim=-1)
        return self.log_scale(s), t

    def forward(self, x):
        m = self.mask.bool()
        s, t = self._st(x[:, m])
        y = x.clone()
        y[:, ~m] = x[:, ~m] * torch.exp(s) + t
        return y, s.sum(-1)

    def inverse(self, y):
        m = self.mask.bool()
        s, t = self._st(y[:, m])
        x = y.clone()
        x[:, ~m] = (y[:, ~m] - t) * torch.exp(-s)
        return x, -s.sum(-1)


COUPLINGS["affine"] = AffineCouplingLayer

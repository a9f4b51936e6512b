MIN_BIN_WIDTH = MIN_BIN_HEIGHT = MIN_DERIVATIVE = 1e-3


def rational_quadratic_spline(v, theta, bound, inverse=False):
    """Monotone rational-quadratic splines (Durkan et al. 2019) on [-bound, bound], the identity outside, one per entry
    of v [N, d]: theta [N, d, 3K-1] holds K unnormalised bin widths, K heights and K-1 interior knot slopes.
    Returns (g(v), log g'(v)) forward, (g^-1(v), -log g'(g^-1(v))) inverse; computed in float64."""
    k = (theta.shape[-1] + 1) // 3
    v, theta = v.double(), theta.double()

    def knots(raw, minimum):
        share = minimum + (1 - minimum * k) * torch.softmax(raw, -1)
        inner = 2 * bound * torch.cumsum(share, -1)[..., :-1] - bound
        end = torch.full_like(inner[..., :1], bound)
        return torch.cat([-end, inner, end], -1)

    xs, ys = knots(theta[..., :k], MIN_BIN_WIDTH), knots(theta[..., k:2 * k], MIN_BIN_HEIGHT)
    one = torch.ones_like(theta[..., :1])
    ds = torch.cat([one, MIN_DERIVATIVE + F.softplus(theta[..., 2 * k:]), one], -1)
    inside = (v >= -bound) & (v <= bound)
    u = v.clamp(-bound, bound)
    # the bin: the last knot <= u among x_0 ... x_{K-1} (u = bound in the last bin)
    b = (u.unsqueeze(-1) >= (ys if inverse else xs)[..., 1:k]).sum(-1, keepdim=True)

    def at(t, shift=0):
        return t.gather(-1, b + shift).squeeze(-1)

    x0, y0, d0, d1 = at(xs), at(ys), at(ds), at(ds, 1)
    w, h = at(xs, 1) - x0, at(ys, 1) - y0
    delta = h / w
    total = d0 + d1 - 2 * delta
    if inverse:
        dy = u - y0
        a, bq, c = dy * total + h * (delta - d0), h * d0 - dy * total, -delta * dy
        t = 2 * c / (-bq - torch.sqrt((bq * bq - 4 * a * c).clamp(min=0)))
        out = t * w + x0
    else:
        t = (u - x0) / w
        out = y0 + h * (delta * t * t + d0 * t * (1 - t)) / (delta + total * t * (1 - t))
    s = 1 - t
    log_slope = (torch.log(delta * delta * (d1 * t * t + 2 * delta * t * s + d0 * s * s))
                 - 2 * torch.log(delta + total * t * s))
    return torch.where(inside, out, v), torch.where(inside, log_slope, torch.zeros_like(v)) * (-1 if inverse else 1)


class SplineCouplingLayer(nn.Module):
    """Neural Spline Flows' coupling with linear tails: y_B = g(x_B), each coordinate's spline from its 3K-1
    consecutive outputs of net(x_A) (K widths, K heights, K-1 slopes); log|det J| = sum log g'(x_B)."""

    def __init__(self, dim, mask, hidden_dims, bins=8, bound=4.0):
        super().__init__()
        self.register_buffer("mask", mask.float())
        d_cond = int(mask.sum().item())
        self.d_trans, self.bins, self.bound = dim - d_cond, bins, bound
        self.net = conditioner(d_cond, hidden_dims, self.d_trans * (3 * bins - 1))

    def _map(self, x, inverse):
        m = self.mask.bool()
        theta = self.net(x[:, m]).reshape(x.shape[0], self.d_trans, 3 * self.bins - 1)
        out, log_slope = rational_quadratic_spline(x[:, ~m], theta, self.bound, inverse)
        y = x.clone()
        y[:, ~m] = out.to(x.dtype)
        return y, log_slope.sum(-1).to(x.dtype)

    def forward(self, x):
        return self._map(x, False)

    def inverse(self, y):
        return self._map(y, True)


COUPLINGS["spline"] = SplineCouplingLayer

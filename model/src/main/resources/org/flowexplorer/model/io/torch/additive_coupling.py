class AdditiveCouplingLayer(nn.Module):
    """NICE's coupling: y_B = x_B + t, t = net(x_A); volume-preserving, log|det J| = 0."""

    def __init__(self, dim, mask, hidden_dims):
        super().__init__()
        self.register_buffer("mask", mask.float())
        d_cond = int(mask.sum().item())
        self.net = conditioner(d_cond, hidden_dims, dim - d_cond)

    def forward(self, x):
        m = self.mask.bool()
        y = x.clone()
        y[:, ~m] = x[:, ~m] + self.net(x[:, m])
        return y, x.new_zeros(x.shape[0])

    def inverse(self, y):
        m = self.mask.bool()
        x = y.clone()
        x[:, ~m] = y[:, ~m] - self.net(y[:, m])
        return x, y.new_zeros(y.shape[0])


COUPLINGS["additive"] = AdditiveCouplingLayer

class ActNorm(nn.Module):
    """Glow's activation normalisation: y = x * exp(log_scale) + bias, log|det J| = sum log_scale, the same while
    training and evaluating. Its data-dependent init runs on the first training batch of more than one row while the
    buffer `initialised` is 0: log_scale = -log sigma, bias = -mu / sigma, sigma = sqrt(biased variance + 1e-6)."""
    EPS = 1e-6

    def __init__(self, dim):
        super().__init__()
        self.log_scale, self.bias = nn.Parameter(torch.zeros(dim)), nn.Parameter(torch.zeros(dim))
        self.register_buffer("initialised", torch.zeros(1))

    def _log_det(self, rows):
        return self.log_scale.sum().expand(rows)

    def forward(self, x):
        if self.training and x.shape[0] > 1 and self.initialised.item() == 0:
            with torch.no_grad():
                sigma = torch.sqrt(x.var(0, unbiased=False) + self.EPS)
                self.log_scale.copy_(-torch.log(sigma))
                self.bias.copy_(-x.mean(0) / sigma)
                self.initialised.fill_(1)
        return x * torch.exp(self.log_scale) + self.bias, self._log_det(x.shape[0])

    def inverse(self, y):
        return (y - self.bias) * torch.exp(-self.log_scale), -self._log_det(y.shape[0])


BLOCKS["act_norm"] = ActNorm

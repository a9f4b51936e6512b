class BatchNormFlow(nn.Module):
    """Batch normalisation as a flow layer (after every coupling), as torch.nn.BatchNorm1d(momentum=0.1, eps=1e-5):
    x_hat = (x - mean) / sqrt(var + eps), y = x_hat * exp(log_gamma) + beta, log|det J| = sum(log_gamma - log(var + eps) / 2).
    Training mode uses the batch's mean and biased variance and updates the running statistics (unbiased variance);
    evaluation mode (load_model's) uses the running statistics."""
    EPS, MOMENTUM = 1e-5, 0.1

    def __init__(self, dim):
        super().__init__()
        self.log_gamma, self.beta = nn.Parameter(torch.zeros(dim)), nn.Parameter(torch.zeros(dim))
        self.register_buffer("running_mean", torch.zeros(dim))
        self.register_buffer("running_var", torch.ones(dim))

    def _statistics(self, x):
        """The batch's mean and variance while training (updating the running ones), else the running ones."""
        if not self.training:
            return self.running_mean, self.running_var
        with torch.no_grad():
            self.running_mean.mul_(1 - self.MOMENTUM).add_(self.MOMENTUM * x.mean(0))
            self.running_var.mul_(1 - self.MOMENTUM).add_(self.MOMENTUM * x.var(0, unbiased=True))
        return x.mean(0), x.var(0, unbiased=False)

    def _log_det(self, var, rows):
        return (self.log_gamma - 0.5 * torch.log(var + self.EPS)).sum().expand(rows)

    def forward(self, x):
        mean, var = self._statistics(x)
        y = (x - mean) / torch.sqrt(var + self.EPS) * torch.exp(self.log_gamma) + self.beta
        return y, self._log_det(var, x.shape[0])

    def inverse(self, y):
        var = self.running_var
        x = (y - self.beta) * torch.exp(-self.log_gamma) * torch.sqrt(var + self.EPS) + self.running_mean
        return x, -self._log_det(var, y.shape[0])


BLOCKS["batch_norm"] = BatchNormFlow

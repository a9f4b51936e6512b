class BatchNormFlow(nn.Module):
    """Batch normalisation as a flow layer (after every coupling), as torch.nn.BatchNorm1d(momentum=0.1, eps=1e-5):
    x_hat = (x - mean) / sqrt(var + eps), y = x_hat * exp(log_gamma) + beta, log|det J| = sum(log_gamma - log(var + eps) / 2).
    Training mode uses the batch's mean and biased variance and updates the running statistics (unbiased variance);
    evaluation mode (load_model's) uses the running statistics."""
    EPS, MOMENTUM = 1e-5, 0.1

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
                self.running_mean.mul_(1 - self.MOMENTUM).add_(self.MOMENTUM * mean)
                self.running_var.mul_(1 - self.MOMENTUM).add_(self.MOMENTUM * x.var(0, unbiased=True))
        else:
            mean, var = self.running_mean, self.running_var
        y = (x - mean) / torch.sqrt(var + self.EPS) * torch.exp(self.log_gamma) + self.beta
        ld = (self.log_gamma - 0.5 * torch.log(var + self.EPS)).sum()
        return y, ld.expand(x.shape[0])

    def inverse(self, y):
        var = self.running_var
        x = (y - self.beta) * torch.exp(-self.log_gamma) * torch.sqrt(var + self.EPS) + self.running_mean
        ld = -(self.log_gamma - 0.5 * torch.log(var + self.EPS)).sum()
        return x, ld.expand(y.shape[0])


NORMS["batch_norm"] = BatchNormFlow

class LuLinear(nn.Module):
    """Glow's invertible 1x1 convolution, LU-parameterised: y = W x, W = P L U, log|det J| = sum log|u_ii|.
    L is unit lower-triangular (its strict lower entries row by row in `lower`), U upper-triangular (strict upper
    entries row by row in `upper`, diagonal sign * exp(log_abs_diagonal)); P is row i of y = row permutation[i] of L U x."""

    def __init__(self, dim):
        super().__init__()
        off = dim * (dim - 1) // 2
        self.log_abs_diagonal = nn.Parameter(torch.zeros(dim))
        self.lower, self.upper = nn.Parameter(torch.zeros(off)), nn.Parameter(torch.zeros(off))
        self.register_buffer("permutation", torch.arange(dim, dtype=torch.float32))
        self.register_buffer("sign", torch.ones(dim))
        self.dim = dim

    def weight(self):
        d = self.dim
        lower = torch.eye(d, dtype=self.lower.dtype, device=self.lower.device)
        lower[tuple(torch.tril_indices(d, d, -1))] = self.lower
        upper = torch.diag(self.sign * torch.exp(self.log_abs_diagonal))
        upper[tuple(torch.triu_indices(d, d, 1))] = self.upper
        return (lower @ upper)[self.permutation.long()]

    def _log_det(self, rows):
        return self.log_abs_diagonal.sum().expand(rows)

    def forward(self, x):
        return x @ self.weight().T, self._log_det(x.shape[0])

    def inverse(self, y):
        return torch.linalg.solve(self.weight(), y.T).T, -self._log_det(y.shape[0])


BLOCKS["lu"] = LuLinear

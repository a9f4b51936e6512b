class FixedRotation(nn.Module):
    """A fixed rotation between couplings: y = R x with R orthogonal (det +1, drawn once: the buffer `matrix`),
    log|det J| = 0; it learns nothing."""

    def __init__(self, dim):
        super().__init__()
        self.register_buffer("matrix", torch.eye(dim))

    def forward(self, x):
        return x @ self.matrix.T, x.new_zeros(x.shape[0])

    def inverse(self, y):
        return y @ self.matrix, y.new_zeros(y.shape[0])


BLOCKS["rotation"] = FixedRotation

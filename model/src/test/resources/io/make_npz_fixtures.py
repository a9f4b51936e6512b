#!/usr/bin/env python3
"""Writes the .npz fixtures read by NpzFixtureTest (run from any directory; needs numpy).

    /usr/bin/python3 model/src/test/resources/io/make_npz_fixtures.py

Produces fixtures_stored.npz (np.savez) and fixtures_compressed.npz (np.savez_compressed)
with identical contents. The expected values are spelled out again, independently, in
NpzFixtureTest.java; change both together. Keys use dots like a PyTorch state_dict.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def arrays():
    nan_payload = np.array([0x7FC00001], dtype="<u4").view("<f4")[0]  # quiet NaN with payload
    return {
        # float32, 2-D, C order; bit patterns that must survive exactly
        "layers.0.weight": np.array(
            [[0.1, -0.0, 1e-45], [np.nan, np.inf, -np.inf], [nan_payload, 3.4028235e38, -1.5]],
            dtype="<f4"),
        # float64, 1-D
        "layers.0.bias": np.array(
            [0.1, -0.0, 5e-324, np.nan, np.inf, -np.inf, 1.0 / 3.0], dtype="<f8"),
        "int64": np.array([-(2 ** 63), -1, 0, 2 ** 63 - 1], dtype="<i8"),
        "int32": np.array([[-(2 ** 31), 7], [0, 2 ** 31 - 1]], dtype="<i4"),
        "int16": np.array([-32768, -1, 32767], dtype="<i2"),
        "uint8": np.array([0, 1, 255], dtype="|u1"),
        "mask": np.array([[True, False, True], [False, True, False]], dtype="|b1"),
        "scalar": np.array(2.5, dtype="<f8"),  # 0-d, shape ()
        "step": np.array(42, dtype="<i8"),  # 0-d integer, like a BatchNorm num_batches_tracked
        "fortran": np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)),
        "fortran3d": np.asfortranarray(np.arange(24, dtype="<i8").reshape(2, 3, 4)),
        "big_endian": np.array([1.5, -0.0, 1e-45, np.nan, -np.inf], dtype=">f4"),
        "big_endian_i8": np.array([1, -2, 2 ** 40], dtype=">i8"),
        "empty": np.zeros((0, 2), dtype="<f4"),
    }


def main():
    data = arrays()
    assert data["fortran"].flags.f_contiguous and not data["fortran"].flags.c_contiguous
    np.savez(os.path.join(HERE, "fixtures_stored.npz"), **data)
    np.savez_compressed(os.path.join(HERE, "fixtures_compressed.npz"), **data)
    print("numpy", np.__version__, "wrote", len(data), "arrays")


if __name__ == "__main__":
    main()

"""Sentence vectors kept compactly: int8 per component (384 bytes for a 384-d vector).

Unit vectors have components in [-1, 1]; scaled by 127 and rounded they lose little
(cosine to the float vector above 0.999 on the model's sentences), a quarter of float32's
size, so a million passages' sentences fit on disk beside the passages.
"""

from __future__ import annotations

import numpy as np

SCALE = 127.0


def quantise(vector: np.ndarray) -> bytes:
    """A unit float vector as int8 bytes."""
    scaled = np.clip(np.rint(np.asarray(vector, dtype=np.float32) * SCALE), -SCALE, SCALE)
    return scaled.astype(np.int8).tobytes()


def dequantise(blob: bytes) -> np.ndarray:
    """int8 bytes back to a unit float32 vector."""
    vector = np.frombuffer(blob, dtype=np.int8).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector

"""FAISS vectors keyed by chunk id, saved per index generation so a crash never tears them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np

_FILE = re.compile(r"^vectors\.(\d+)\.faiss$")


class VectorIndex:
    """An inner-product FAISS index over unit vectors, addressed by chunk id."""

    def __init__(self, dimension: int) -> None:
        self.dimension = dimension
        self._index: faiss.Index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))

    @property
    def size(self) -> int:
        """How many vectors the index holds."""
        return int(self._index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under the given chunk ids."""
        if len(ids):
            self._index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64)
            )

    def remove(self, ids: Iterable[int]) -> None:
        """Remove the vectors of these chunk ids (unknown ids are ignored)."""
        id_array = np.fromiter(ids, dtype=np.int64)
        if len(id_array):
            self._index.remove_ids(faiss.IDSelectorBatch(id_array))

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The k nearest chunk ids with cosine scores, optionally only among `allowed`."""
        if self.size == 0 or k <= 0:
            return []
        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return []
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed.astype(np.int64)))  # type: ignore[call-arg]
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        scores, ids = self._index.search(q, min(k, self.size), params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save(self, folder: Path, generation: int) -> None:
        """Write atomically as the file of this generation, then drop older files."""
        target = folder / f"vectors.{generation}.faiss"
        tmp = folder / f".vectors.{generation}.{os.getpid()}.tmp"
        faiss.write_index(self._index, str(tmp))
        os.replace(tmp, target)
        for old_generation, path in saved_generations(folder):
            if old_generation != generation:
                path.unlink(missing_ok=True)

    @classmethod
    def load(cls, folder: Path, generation: int, dimension: int) -> VectorIndex | None:
        """The saved index of exactly this generation, or None when it is not on disk."""
        path = folder / f"vectors.{generation}.faiss"
        if not path.exists():
            return None
        loaded = faiss.read_index(str(path))
        if loaded.d != dimension:
            return None
        index = cls(dimension)
        index._index = loaded
        return index


def saved_generations(folder: Path) -> list[tuple[int, Path]]:
    """Generations that have a vectors file in the folder."""
    found = []
    for path in folder.glob("vectors.*.faiss"):
        match = _FILE.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)

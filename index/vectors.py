"""FAISS vectors keyed by chunk id, saved per index generation so a crash never tears them."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np

from index import ann
from index.errors import StoreError

_FILE = re.compile(r"^vectors\.(\d+)\.faiss$")
_STALE_TMP_SECONDS = 600


class VectorIndex:
    """An inner-product FAISS index over unit vectors, addressed by chunk id.

    `generation` is the index generation whose chunks it holds; a file is only
    ever saved under that number, so a file's name says exactly what it holds.
    Exact (flat) below `threshold` vectors; above it an approximate IVF index
    (index/ann.py) that adds and removes in place, so growth never rebuilds it.
    """

    def __init__(self, dimension: int, generation: int = 0, threshold: int | None = None) -> None:
        self.dimension = dimension
        self.generation = generation
        self.threshold = ann.threshold() if threshold is None else threshold
        self._index: faiss.Index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))

    @property
    def size(self) -> int:
        """How many vectors the index holds."""
        return int(self._index.ntotal)

    @property
    def kind(self) -> str:
        """Exact "flat", or "ivf" (approximate) above the threshold; the saved file says which."""
        return "ivf" if ann.is_approximate(self._index) else "flat"

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under the given chunk ids; crossing the threshold hands over to ANN."""
        if not len(ids):
            return
        ids = ids.astype(np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if self.kind == "flat" and self.size + len(ids) >= self.threshold:
            self._hand_over(ids, vectors)
            return
        self._index.add_with_ids(vectors, ids)

    def _hand_over(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Replace the flat index by an ANN index trained on everything it holds plus the new."""
        held_ids, held = ann.flat_contents(self._index)
        if len(held_ids):
            ids, vectors = np.concatenate([held_ids, ids]), np.vstack([held, vectors])
        self._index = ann.build(self.dimension, ids, vectors)

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
        selector = None
        if allowed is not None:
            if len(allowed) == 0:
                return []
            selector = faiss.IDSelectorBatch(allowed.astype(np.int64))
        params = self._parameters(selector, None if allowed is None else len(allowed))
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        scores, ids = self._index.search(q, min(k, self.size), params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def _parameters(
        self, selector: faiss.IDSelector | None, allowed: int | None
    ) -> faiss.SearchParameters | None:
        """Search parameters: the filter's selector, and the probes when approximate."""
        if self.kind == "ivf":
            return ann.search_parameters(self._index, selector, allowed)
        if selector is None:
            return None
        return faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]

    def save(self, folder: Path) -> None:
        """Write atomically as the file of this generation, then drop older files."""
        if any(g > self.generation for g in _saved_generations(folder)):
            return  # a newer writer already saved; this copy is history
        target = folder / f"vectors.{self.generation}.faiss"
        tmp = folder / f".vectors.{self.generation}.{os.getpid()}.tmp"
        try:
            faiss.write_index(self._index, str(tmp))
            os.replace(tmp, target)
        except (RuntimeError, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write the vector index in {folder}: {exc}") from exc
        _drop_older(folder, self.generation)

    @classmethod
    def load(cls, folder: Path, generation: int, dimension: int, count: int) -> VectorIndex | None:
        """The saved index of exactly this generation and size, or None (missing or damaged)."""
        path = folder / f"vectors.{generation}.faiss"
        if not path.exists():
            return None
        try:
            loaded = faiss.read_index(str(path))
        except RuntimeError:
            return None  # damaged: the caller rebuilds it from SQLite
        if loaded.d != dimension or loaded.ntotal != count:
            return None
        index = cls(dimension, generation)
        index._index = loaded
        if not index._right_kind():
            return None  # rebuilt from SQLite as the kind its size calls for
        return index

    def _right_kind(self) -> bool:
        """Flat below the threshold; ANN above it, kept down to half of it (no flapping)."""
        if self.kind == "flat":
            return self.size < self.threshold
        return self.size >= self.threshold // 2


def _saved_generations(folder: Path) -> dict[int, Path]:
    """The vectors files in a folder, by generation."""
    found = {}
    for path in folder.glob("vectors.*.faiss"):
        match = _FILE.match(path.name)
        if match:
            found[int(match.group(1))] = path
    return found


def _drop_older(folder: Path, generation: int) -> None:
    """Remove files of older generations and temp files a killed writer left behind."""
    for saved, path in _saved_generations(folder).items():
        if saved < generation:
            path.unlink(missing_ok=True)
    now = time.time()
    for tmp in folder.glob(".vectors.*.tmp"):
        try:
            if now - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                tmp.unlink(missing_ok=True)
        except OSError:
            continue

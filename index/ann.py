"""The approximate vector index that takes over from exact search once an index is large.

Measured (benchmarks/README.md, "Scale"): IVF with fp16 codes keeps scores within ~1e-3 of
exact, so no separate refine copy is needed, holds half the bytes of a flat index, adds to
its trained lists without a rebuild, removes ids, and takes FAISS's ID selectors for the
kind and date filters. HNSW cannot remove vectors and builds far slower on two cores.
"""

from __future__ import annotations

import math
import os
from typing import Any

import faiss
import numpy as np

THRESHOLD_ENV = "ASSISTANT_ANN_THRESHOLD"
DEFAULT_THRESHOLD = 100_000
"""Below this many vectors search stays exact (flat): exact search costs ~12 ms there."""
MAX_LISTS = 1024
"""Inverted lists: ~1,000 vectors a list at 1M, so 1M to ~10M need no retraining."""
PROBES = 48
"""Lists scanned per query: recall@10 0.96 at 32 and 0.98 at 64 (100k, measured); 48 keeps
margin above 0.95 for a few ms (benchmarks/README.md, "Scale")."""
_TRAIN_PER_LIST = 64
_MIN_PER_LIST = 39  # FAISS's own floor for a sound k-means


def threshold() -> int:
    """The size at which the flat index hands over (ASSISTANT_ANN_THRESHOLD, else default)."""
    value = os.environ.get(THRESHOLD_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_THRESHOLD


def is_approximate(index: faiss.Index) -> bool:
    """Whether a (loaded) FAISS index is the approximate kind; the file records its type."""
    return isinstance(faiss.downcast_index(index), faiss.IndexIVF)


def build(dimension: int, ids: np.ndarray, vectors: np.ndarray) -> faiss.IndexIVF:
    """Train an IVF index on a sample of the vectors, then add them all under their ids."""
    lists = max(1, min(MAX_LISTS, len(vectors) // _MIN_PER_LIST))
    quantizer: Any = faiss.IndexFlatIP(dimension)
    index = faiss.IndexIVFScalarQuantizer(
        quantizer, dimension, lists, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
    )
    index.own_fields = True
    quantizer.this.disown()  # the IVF index frees its quantizer
    sample = _sample(vectors, lists * _TRAIN_PER_LIST)
    index.train(sample)
    index.add_with_ids(vectors, ids)
    return index


def search_parameters(
    index: faiss.Index, selector: faiss.IDSelector | None, allowed: int | None
) -> faiss.SearchParameters:
    """Probes for one search: more when a filter leaves few vectors, so k are still found."""
    probes = PROBES
    if allowed is not None and allowed > 0:
        probes = math.ceil(PROBES * index.ntotal / allowed)
    ivf: Any = faiss.downcast_index(index)
    probes = min(int(ivf.nlist), probes)
    params = faiss.SearchParametersIVF()
    params.nprobe = probes
    if selector is not None:
        params.sel = selector  # the caller keeps the selector alive for the search
    return params


def flat_contents(index: faiss.Index) -> tuple[np.ndarray, np.ndarray]:
    """The ids and vectors of an exact IndexIDMap2(IndexFlat), to train the handover on."""
    mapped: Any = faiss.downcast_index(index)
    ids = faiss.vector_to_array(mapped.id_map).astype(np.int64)
    vectors = mapped.index.reconstruct_n(0, mapped.ntotal) if len(ids) else None
    if vectors is None:
        return ids, np.zeros((0, index.d), dtype=np.float32)
    return ids, np.ascontiguousarray(vectors, dtype=np.float32)


def _sample(vectors: np.ndarray, count: int) -> np.ndarray:
    """A fixed-seed random sample of rows (all of them when there are few)."""
    if len(vectors) <= count:
        return vectors
    rows = np.random.default_rng(0).choice(len(vectors), size=count, replace=False)
    return np.ascontiguousarray(vectors[np.sort(rows)])

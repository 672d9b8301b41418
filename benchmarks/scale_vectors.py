"""Perturbed copies of SciFact vectors, and the measurement that chose the ANN index.

Run: `python -m benchmarks.scale_vectors --chunks N` compares, on N perturbed vectors,
exact flat search, HNSW (flat and SQ8) and IVF-SQ8 with an exact refine: build time,
bytes held, one-query latency at the search's 300 candidates, recall@10 against exact,
and the cost of adding 1,000 vectors afterwards.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import faiss
import numpy as np

NOISE = 0.02
"""Per-dimension gaussian noise: a copy keeps cosine ~0.93 with its original, about what
swapping a tenth of a passage's words does to its embedding."""


def perturbed(base: np.ndarray, start: int, count: int, seed: int = 0) -> np.ndarray:
    """Rows start..start+count: base rows in turn, plus small noise, renormalised."""
    rng = np.random.default_rng(seed + start)
    rows = base[np.arange(start, start + count) % len(base)]
    noisy = rows + rng.normal(0.0, NOISE, rows.shape).astype(np.float32)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    return np.ascontiguousarray(noisy, dtype=np.float32)


def recall_at_10(found: list[list[int]], exact: list[list[int]]) -> float:
    """Share of the exact top 10 that the approximate search also put in its top 10."""
    hits = [len(set(f[:10]) & set(e[:10])) / 10 for f, e in zip(found, exact, strict=True)]
    return statistics.fmean(hits)


Factory = Callable[[np.ndarray], tuple[faiss.Index, Callable[[np.ndarray], list[int]]]]


def _flat(data: np.ndarray) -> tuple[faiss.Index, Callable[[np.ndarray], list[int]]]:
    index = faiss.IndexFlatIP(data.shape[1])
    index.add(data)
    return index, lambda q: index.search(q, 300)[1][0].tolist()


def _hnsw(sq8: bool) -> Factory:
    def build(data: np.ndarray) -> tuple[faiss.Index, Callable[[np.ndarray], list[int]]]:
        d = data.shape[1]
        index: Any = (
            faiss.IndexHNSWSQ(d, faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)  # type: ignore[arg-type]
            if sq8
            else faiss.IndexHNSWFlat(d, 32, faiss.METRIC_INNER_PRODUCT)
        )
        index.hnsw.efConstruction = 40
        if sq8:
            index.train(data[:100_000])
        index.add(data)
        params: Any = faiss.SearchParametersHNSW()  # type: ignore[attr-defined]
        params.efSearch = 320
        return index, lambda q: index.search(q, 300, params=params)[1][0].tolist()

    return build


def _ivf(nlist: int, nprobe: int, refine: bool = True) -> Factory:
    def build(data: np.ndarray) -> tuple[faiss.Index, Callable[[np.ndarray], list[int]]]:
        d = data.shape[1]
        quantizer = faiss.IndexFlatIP(d)
        kind = faiss.ScalarQuantizer.QT_8bit if refine else faiss.ScalarQuantizer.QT_fp16
        ivf = faiss.IndexIVFScalarQuantizer(quantizer, d, nlist, kind, faiss.METRIC_INNER_PRODUCT)
        ivf.train(data[: min(len(data), 64 * nlist)])
        ivf.add(data)
        params = faiss.SearchParametersIVF()
        params.nprobe = nprobe

        def search(q: np.ndarray) -> list[int]:
            ids = ivf.search(q, 300, params=params)[1][0]
            ids = ids[ids >= 0]
            if not refine:
                return ids.tolist()
            exact = data[ids] @ q[0]  # the exact refine, from the stored vectors
            return ids[np.argsort(-exact, kind="stable")].tolist()

        return ivf, search

    return build


def measure(
    name: str,
    factory: Factory,
    data: np.ndarray,
    queries: np.ndarray,
    exact: list[list[int]] | None,
) -> tuple[dict[str, object], list[list[int]]]:
    """Build, search every query, add 1,000 more: one row of the comparison."""
    started = time.perf_counter()
    index, search = factory(data)
    build_s = time.perf_counter() - started
    found, times = [], []
    for q in queries:
        t0 = time.perf_counter()
        found.append(search(q.reshape(1, -1)))
        times.append((time.perf_counter() - t0) * 1000)
    extra = perturbed(data, len(data), 1000, seed=7)
    t0 = time.perf_counter()
    index.add(extra)
    add_ms = (time.perf_counter() - t0) * 1000
    row = {
        "index": name,
        "build_s": round(build_s, 1),
        "mb": round(len(faiss.serialize_index(index)) / 1e6),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(float(np.percentile(times, 95)), 2),
        "recall_at_10": None if exact is None else round(recall_at_10(found, exact), 4),
        "add_1000_ms": round(add_ms, 1),
    }
    return row, found


def main() -> None:
    """Compare the candidate indexes on N perturbed SciFact vectors."""
    from benchmarks.scale_data import load_corpus

    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    corpus = load_corpus()
    data = perturbed(corpus.vectors, 0, args.chunks)
    queries = corpus.query_vectors
    exact: list[list[int]] | None = None
    if args.only:  # exact neighbours in one batched search, not timed query by query
        flat = faiss.IndexFlatIP(data.shape[1])
        flat.add(data)
        exact = flat.search(queries, 10)[1].tolist()
        del flat
    candidates: dict[str, Factory] = {
        "flat (exact)": _flat,
        "ivf1024,sq8 nprobe=32 + refine": _ivf(1024, 32),
        "ivf1024,sq8 nprobe=64 + refine": _ivf(1024, 64),
        "ivf4096,sq8 nprobe=64 + refine": _ivf(4096, 64),
        "ivf1024,fp16 nprobe=32": _ivf(1024, 32, refine=False),
        "ivf1024,fp16 nprobe=48": _ivf(1024, 48, refine=False),
        "ivf1024,fp16 nprobe=64": _ivf(1024, 64, refine=False),
        "hnsw32,flat ef=320": _hnsw(False),
        "hnsw32,sq8 ef=320": _hnsw(True),
    }
    for name, factory in candidates.items():
        if args.only and not any(o == name for o in args.only):
            continue
        row, found = measure(name, factory, data, queries, exact)
        exact = exact or found
        print(row, flush=True)


if __name__ == "__main__":
    main()

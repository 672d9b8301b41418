"""The query side of the scale benchmark, in its own process: open time, latency, peak RSS.

Run by benchmarks/scale.py as `python -m benchmarks.scale_query HOME ENGINE`; prints one
JSON line. Query vectors come pre-encoded from the cache, so no model is loaded.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import cast

import numpy as np

from benchmarks.scale_data import load_corpus
from index.embedder import Embedder
from index.keyword import Engine
from index.search import Mode, SearchConfig, Searcher
from index.store import Filters, Store

FILTERED = Filters(kind="press_release", since="2010-01")


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(
    searcher: Searcher, mode: Mode, queries: list[str], vectors: np.ndarray, filters: Filters
) -> list[float]:
    """Milliseconds per query, one query at a time."""
    times = []
    for text, vector in zip(queries, vectors, strict=True):
        started = time.perf_counter()
        searcher.search(text, top_k=10, mode=mode, query_vector=vector, filters=filters)
        times.append((time.perf_counter() - started) * 1000)
    return times


def yardstick_ms() -> float:
    """Exact search over 20,000 random vectors (~2.5 ms on an idle 2-core machine of this
    kind, from the issue's 123 ms at 1M): how much CPU this run actually got."""
    import faiss

    rng = np.random.default_rng(0)
    data = rng.normal(size=(20_000, 384)).astype(np.float32)
    flat = faiss.IndexFlatIP(384)
    flat.add(data)
    times = []
    for row in data[:50]:
        started = time.perf_counter()
        flat.search(row.reshape(1, -1), 300)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(home: Path, engine: Engine) -> dict[str, object]:
    """Open the index as a reader would, then time every mode over the test queries."""
    started = time.perf_counter()
    store = Store(home, create=False)
    vectors = store.vectors
    open_s = time.perf_counter() - started
    searcher = Searcher(store, cast(Embedder, None), SearchConfig(keyword_engine=engine))
    started = time.perf_counter()
    searcher.keywords.search(["warm"], 1, Filters(), 2.0)
    keyword_open_s = time.perf_counter() - started
    corpus = load_corpus()
    queries, query_vectors = corpus.queries, corpus.query_vectors
    result: dict[str, object] = {"open_s": open_s, "keyword_open_s": keyword_open_s}
    modes: tuple[Mode, ...] = (
        ("keyword", "dense", "hybrid") if engine == "tantivy" else ("keyword",)
    )
    for mode in modes:  # FTS5: keyword only (its hybrid is its keyword time plus dense)
        times = timed(searcher, mode, queries, query_vectors, Filters())
        result[f"{mode}_p50_ms"] = statistics.median(times)
        result[f"{mode}_p95_ms"] = float(np.percentile(times, 95))
    if engine == "tantivy":
        filtered = timed(searcher, "hybrid", queries, query_vectors, FILTERED)
        result["hybrid_filtered_p50_ms"] = statistics.median(filtered)
        result["hybrid_filtered_first_ms"] = filtered[0]  # finds the filter's chunk ids
    result["ann_top10"] = [[i for i, _ in vectors.search(q, 10)] for q in query_vectors]
    result["vector_index"] = vectors.kind
    result["rss_mb"] = peak_rss_mb()  # read before the yardstick's 30 MB
    result["yardstick_ms"] = yardstick_ms()
    return result


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), cast(Engine, sys.argv[2]))))

"""An index of N passages through the store's real write path, and what it costs to use.

Run: `python -m benchmarks.scale --chunks N [--json]`. Passages and vectors are SciFact's
(benchmarks/scale_data.py, encoded once), copied with small perturbations: a tenth of each
copy's words swapped for other corpus words, gaussian noise on its vectors. Nothing is
encoded per passage. Measured: build time, size on disk, time to open and peak RSS of a
fresh query process, keyword / dense / hybrid p50 and p95 over the 300 SciFact test
queries (FTS5 and tantivy), ANN recall@10 against exact search, and the cost of adding
1,000 documents to the built index. `--json` prints one object as its last line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import faiss
import numpy as np

from benchmarks.common import OUT
from benchmarks.scale_data import Corpus, load_corpus
from benchmarks.scale_vectors import perturbed
from index.embedder import DEFAULT_MODEL
from index.keyword import TantivyKeywords
from index.models import KINDS, ChunkSpan, SentenceSpan
from index.store import NewDocument, Store

SWAP = 0.10
"""Share of each copy's words swapped for other corpus words."""
BATCH_CHUNKS = 2_000


class Copier:
    """Makes perturbed copies of SciFact documents, deterministically by copy number."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.first_row = np.cumsum([0] + [len(w) for w in corpus.windows[:-1]])
        words = [w for parts in corpus.windows for text in parts for w in text.split()]
        self.vocabulary = np.array(words, dtype=object)

    def documents(self, first: int, count: int, chunks_left: int) -> list[NewDocument]:
        """Copies first..first+count-1 (stopping once chunks_left passages are made)."""
        rng = np.random.default_rng(first)
        docs = []
        for copy in range(first, first + count):
            source = copy % len(self.corpus.windows)
            windows = self.corpus.windows[source][:chunks_left]
            chunks_left -= len(windows)
            docs.append(self._document(copy, source, windows, rng))
            if chunks_left <= 0:
                break
        return docs

    def _document(
        self, copy: int, source: int, windows: list[str], rng: np.random.Generator
    ) -> NewDocument:
        texts = [self._swap(w, rng) for w in windows]
        text, spans = " ".join(texts), []
        start = 0
        for number, part in enumerate(texts):
            spans.append((start, start + len(part), number))
            start += len(part) + 1
        rows = self.first_row[source] + np.arange(len(windows))
        vectors = perturbed(self.corpus.vectors[rows], 0, len(rows), seed=copy)
        day = f"{2008 + copy % 5}-{1 + copy % 12:02d}-{1 + copy % 28:02d}"
        date = None if copy % 10 == 0 else day  # a tenth undated, as real records are
        return NewDocument(
            id=f"copy-{copy}",
            title=self.corpus.titles[source],
            kind=KINDS[copy % len(KINDS)],
            date=date,
            source=f"scale/{copy}",
            attribution=None,
            origin_key=f"scale/{copy}",
            fingerprint=str(copy),
            text=text,
            sentences=[SentenceSpan(s, e, 1) for s, e, _ in spans],
            chunks=[ChunkSpan(s, e, 1, None, n, n) for s, e, n in spans],
            vectors=vectors,
            sentence_vectors=None,
        )

    def _swap(self, text: str, rng: np.random.Generator) -> str:
        words = text.split()
        picks = rng.random(len(words)) < SWAP
        others = self.vocabulary[rng.integers(0, len(self.vocabulary), int(picks.sum()))]
        for position, word in zip(np.flatnonzero(picks), others, strict=True):
            words[position] = word
        return " ".join(words)


def build(home: Path, chunks: int, copier: Copier) -> dict[str, float]:
    """Write N passages through Store.write in ingest-sized transactions; save the vectors."""
    shutil.rmtree(home, ignore_errors=True)
    store = Store(home)
    store.bind_model(DEFAULT_MODEL, copier.corpus.vectors.shape[1])
    started = time.perf_counter()
    written, copy = 0, 0
    while written < chunks:
        docs = copier.documents(copy, BATCH_CHUNKS, min(BATCH_CHUNKS, chunks - written))
        store.write(docs)
        written += sum(len(d.chunks) for d in docs)
        copy += len(docs)
        if copy % 50_000 < len(docs):
            print(f"  {written:,} passages, {time.perf_counter() - started:.0f} s", flush=True)
    store.save_vectors()
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    TantivyKeywords(store).sync()
    figures = {"build_s": build_s, "tantivy_build_s": time.perf_counter() - started}
    figures["copies"] = copy
    figures["vector_index"] = store.vectors.kind  # type: ignore[assignment]
    store.close()
    return figures


def settle(home: Path) -> dict[str, object]:
    """A kept (or interrupted) home made ready: vectors file and tantivy index in step."""
    store = Store(home, create=False)
    started = time.perf_counter()
    kind = store.vectors.kind  # rebuilt from SQLite and saved when a build was cut short
    vectors_s = time.perf_counter() - started
    started = time.perf_counter()
    TantivyKeywords(store).sync()
    figures: dict[str, object] = {
        "copies": store.counts()[0],
        "vector_index": kind,
        "settle_vectors_s": vectors_s,
        "tantivy_build_s": time.perf_counter() - started,
    }
    store.close()
    return figures


def add_documents(home: Path, copier: Copier, first: int, count: int) -> dict[str, float]:
    """Add `count` more documents to the built index: write, save vectors, catch up tantivy."""
    store = Store(home, create=False)
    _ = store.vectors
    docs = copier.documents(first, count, 10**9)
    started = time.perf_counter()
    store.write(docs)
    write_s = time.perf_counter() - started
    started = time.perf_counter()
    store.save_vectors()
    save_s = time.perf_counter() - started
    started = time.perf_counter()
    TantivyKeywords(store).sync()
    sync_s = time.perf_counter() - started
    store.close()
    return {"add_1000_write_s": write_s, "add_1000_save_s": save_s, "add_1000_tantivy_s": sync_s}


def exact_top10(home: Path, chunks: int, copier: Copier, queries: np.ndarray) -> np.ndarray:
    """Exact top-10 chunk ids per query, over the same vectors regenerated (ids are 1..N)."""
    flat = faiss.IndexFlatIP(queries.shape[1])
    written, copy = 0, 0
    while written < chunks:
        left = min(BATCH_CHUNKS, chunks - written)  # the build's batches, without the text
        for _ in range(BATCH_CHUNKS):
            source = copy % len(copier.corpus.windows)
            count = min(len(copier.corpus.windows[source]), left)
            rows = copier.first_row[source] + np.arange(count)
            flat.add(perturbed(copier.corpus.vectors[rows], 0, count, seed=copy))
            written, left, copy = written + count, left - count, copy + 1
            if left <= 0:
                break
    _, ids = flat.search(queries, 10)
    return ids + 1


def disk_mb(home: Path) -> float:
    """Bytes under the home, in MB."""
    return sum(p.stat().st_size for p in home.rglob("*") if p.is_file()) / 1e6


def query_process(home: Path, engine: str) -> dict[str, object]:
    """Run the queries in a fresh process; its own JSON line is the result."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale_query", str(home), engine],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def recall(found: list[list[int]], exact: np.ndarray) -> float:
    """Mean share of the exact top 10 found in the approximate top 10."""
    shares = [len(set(f[:10]) & set(e.tolist())) / 10 for f, e in zip(found, exact, strict=True)]
    return float(np.mean(shares))


def main() -> None:
    """Build, measure, print a summary (and the JSON object last with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the built home")
    parser.add_argument("--reuse", action="store_true", help="measure a kept home again")
    args = parser.parse_args()
    home = args.home or OUT / f"scale-{args.chunks}"
    corpus = load_corpus()
    copier = Copier(corpus)
    print(f"building {args.chunks:,} passages in {home}", flush=True)
    figures: dict[str, object] = {"chunks": args.chunks}
    if args.reuse and (home / "index.sqlite3").exists():
        figures.update(settle(home))
    else:
        figures.update(build(home, args.chunks, copier))
    figures["disk_mb"] = disk_mb(home)
    measured = {engine: query_process(home, engine) for engine in ("fts5", "tantivy")}
    exact = exact_top10(home, args.chunks, copier, corpus.query_vectors)
    figures.update(_summary(measured, exact))
    figures.update(add_documents(home, copier, int(figures["copies"]), 1000))  # type: ignore[call-overload]
    if not args.keep:
        shutil.rmtree(home, ignore_errors=True)
    rounded = {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}
    for key, value in rounded.items():
        print(f"{key:>24}: {value}")
    if args.json:
        print(json.dumps(rounded))


def _summary(measured: dict[str, dict[str, object]], exact: np.ndarray) -> dict[str, object]:
    """The headline figures (tantivy as the keyword engine) plus FTS5's beside them."""
    fts5, tantivy = measured["fts5"], measured["tantivy"]
    found = tantivy.pop("ann_top10")
    fts5.pop("ann_top10")
    out: dict[str, object] = {k: v for k, v in tantivy.items()}
    out["recall_at_10"] = recall(found, exact)  # type: ignore[arg-type]
    out.update({f"fts5_{k}": v for k, v in fts5.items() if "keyword" in k or "hybrid" in k})
    return out


if __name__ == "__main__":
    main()

"""SciFact passages and their vectors, encoded once and cached, for the scale benchmark.

Passages are ~150-word windows of each SciFact abstract; each is encoded as the ingest
does ("title\\nbody") with the project's Embedder, and the 300 test queries too. The cache
lives in benchmarks/out/scale-cache (or $SCALE_CACHE) and is reused by every run.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.common import OUT, SCIFACT, read_jsonl, scifact_queries

CACHE = Path(os.environ.get("SCALE_CACHE", OUT / "scale-cache"))
WINDOW_WORDS = 150


@dataclass(frozen=True)
class Corpus:
    """SciFact as passages: per document its title and windows; vectors one row a window."""

    titles: list[str]
    windows: list[list[str]]  # per document, its passages' texts
    vectors: np.ndarray  # float32, rows in document-then-window order
    queries: list[str]
    query_vectors: np.ndarray


def load_corpus() -> Corpus:
    """The cached corpus, encoding it first when the cache is missing."""
    CACHE.mkdir(parents=True, exist_ok=True)
    texts_path, vectors_path = CACHE / "scifact-passages.json", CACHE / "scifact-vectors.npz"
    titles, windows = _windows()
    queries = [text for _, text in scifact_queries()]
    if not vectors_path.exists() or not texts_path.exists():
        _encode(titles, windows, queries, vectors_path)
        texts_path.write_text(json.dumps({"titles": titles}), encoding="utf-8")
    saved = np.load(vectors_path)
    return Corpus(titles, windows, saved["passages"], queries, saved["queries"])


def _windows() -> tuple[list[str], list[list[str]]]:
    """Each SciFact document's title and its abstract cut into ~150-word windows."""
    titles, windows = [], []
    for record in read_jsonl(SCIFACT / "corpus.jsonl"):
        words = str(record.get("text", "")).split()
        if not words:
            continue
        parts = [" ".join(words[i : i + WINDOW_WORDS]) for i in range(0, len(words), WINDOW_WORDS)]
        if len(parts) > 1 and len(parts[-1].split()) < WINDOW_WORDS // 3:
            tail = parts.pop()
            parts[-1] = f"{parts[-1]} {tail}"  # no tiny tail window
        titles.append(str(record.get("title", "")) or parts[0][:60])
        windows.append(parts)
    return titles, windows


def _encode(titles: list[str], windows: list[list[str]], queries: list[str], out: Path) -> None:
    """Encode passages and queries once with the project's embedder."""
    from index.embedder import Embedder

    embedder = Embedder()
    texts = [f"{t}\n{w}" for t, parts in zip(titles, windows, strict=True) for w in parts]
    passages = embedder.embed_batch(texts)
    np.savez(out, passages=passages, queries=embedder.embed_batch(queries))


if __name__ == "__main__":
    corpus = load_corpus()
    print(len(corpus.titles), "documents", corpus.vectors.shape, corpus.query_vectors.shape)

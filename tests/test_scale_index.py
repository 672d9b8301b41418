"""Above a size threshold the vectors go approximate (IVF) and keywords may go to tantivy:
filters still apply, small indexes stay exact, and a killed ANN build leaves a usable index."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import tantivy as tantivy_lib

from index import Embedder, Filters, Store
from index.keyword import Fts5Keywords, TantivyKeywords
from index.models import ChunkSpan, SentenceSpan
from index.store import NewDocument

from .conftest import open_assistant

DIMENSION = 32
WORDS = [
    "casework",
    "audit",
    "referral",
    "visit",
    "review",
    "plan",
    "training",
    "agency",
    "strategy",
]


def _document(number: int, vectors: np.ndarray) -> NewDocument:
    """A two-chunk document whose text names its number (a word no other chunk holds)."""
    parts = [
        f"Note{number}x{part} records {WORDS[(number + part) % len(WORDS)]}." for part in (0, 1)
    ]
    text = " ".join(parts)
    spans = [(0, len(parts[0])), (len(parts[0]) + 1, len(text))]
    return NewDocument(
        id=f"doc-{number}",
        title=f"Document {number}",
        kind="press_release" if number % 3 == 0 else "action_plan_note",
        date=None if number % 5 == 0 else f"{2008 + number % 4}-0{1 + number % 9}-01",
        source=f"test/{number}",
        attribution=None,
        origin_key=f"test/{number}",
        fingerprint=str(number),
        text=text,
        sentences=[SentenceSpan(s, e, 1) for s, e in spans],
        chunks=[ChunkSpan(s, e, 1, None, n, n) for n, (s, e) in enumerate(spans)],
        vectors=vectors,
    )


def _vectors(count: int) -> np.ndarray:
    """Unit vectors around a few centres, as embeddings cluster by topic."""
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(8, DIMENSION))
    rows = centres[rng.integers(0, 8, count)] + 0.5 * rng.normal(size=(count, DIMENSION))
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows.astype(np.float32)


def _built(home: Path, documents: int) -> tuple[Store, np.ndarray]:
    """A store of `documents` two-chunk documents written in several transactions."""
    store = Store(home)
    store.bind_model("test-vectors", DIMENSION)
    vectors = _vectors(2 * documents)
    for first in range(0, documents, 50):
        batch = range(first, min(first + 50, documents))
        store.write([_document(n, vectors[2 * n : 2 * n + 2]) for n in batch])
    store.save_vectors()
    return store, vectors


def _exact(vectors: np.ndarray, query: np.ndarray, allowed: np.ndarray | None) -> list[int]:
    """The exact top 10 chunk ids (chunk ids are 1..N in write order)."""
    ids = np.arange(1, len(vectors) + 1) if allowed is None else np.sort(allowed)
    scores = vectors[ids - 1] @ query
    return [int(i) for i in ids[np.argsort(-scores, kind="stable")[:10]]]


def test_crossing_the_threshold_switches_to_ann_and_stays_exact_when_small(
    assistant_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_ANN_THRESHOLD", "300")
    store, vectors = _built(assistant_home, 100)
    assert store.vectors.kind == "flat"  # 200 vectors: under the threshold, exact
    store.close()
    store, vectors = _built(assistant_home / "big", 400)
    assert store.vectors.kind == "ivf"
    reopened = Store(assistant_home / "big")  # loaded from the saved file, not rebuilt
    assert reopened.vectors.kind == "ivf" and reopened.vectors.size == 800
    filters = Filters(kind="press_release", since="2010-01")
    allowed = reopened.allowed_chunk_ids(filters)
    assert 0 < len(allowed) < 800
    for query in vectors[[3, 100, 555]]:
        found = [i for i, _ in reopened.vectors.search(query, 10)]
        assert found == _exact(vectors, query, None)
        filtered = [i for i, _ in reopened.vectors.search(query, 10, allowed)]
        assert filtered == _exact(vectors, query, allowed)
        assert set(filtered) <= set(allowed.tolist())


def test_ann_index_adds_and_removes_in_place(
    assistant_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_ANN_THRESHOLD", "300")
    store, vectors = _built(assistant_home, 400)
    before = store.vectors
    store.write([_document(1000, vectors[:2])])  # same vectors as doc-0's chunks
    assert store.vectors is before and before.kind == "ivf"  # added, not rebuilt
    store.remove("doc-0")
    hits = [i for i, _ in store.vectors.search(vectors[0], 2)]
    assert 1 not in hits and hits[0] == 801  # doc-0's chunk gone, doc-1000's found


def test_tantivy_keywords_follow_the_store_and_its_filters(
    assistant_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = _built(assistant_home, 60)
    tantivy, fts5 = TantivyKeywords(store), Fts5Keywords(store)
    assert [i for i, _ in tantivy.search(["note7x1"], 5, Filters(), 2.0)] == [16]
    filters = Filters(kind="press_release", since="2010-01")
    found = {i for i, _ in tantivy.search(["records"], 300, filters, 2.0)}
    assert found == {i for i, _ in fts5.search(["records"], 300, filters, 2.0)}
    assert found == set(store.allowed_chunk_ids(filters).tolist())
    store.remove("doc-7")
    assert tantivy.search(["note7x1"], 5, Filters(), 2.0) == []  # caught up with the removal
    busy = tantivy_lib.Index.open(str(assistant_home / "keyword")).writer()
    store.remove("doc-9")  # while another writer holds the index, FTS5 answers
    assert tantivy.search(["note9x0"], 5, Filters(), 2.0) == []
    del busy
    (assistant_home / "keyword" / "state.npz").unlink()  # lost: rebuilt from SQLite
    again = TantivyKeywords(store)
    assert [i for i, _ in again.search(["note8x0"], 5, Filters(), 2.0)] == [17]
    assert again.search(["note9x0"], 5, Filters(), 2.0) == []


def _generation(home: Path) -> int:
    with sqlite3.connect(home / "index.sqlite3") as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def test_killed_ingest_crossing_the_ann_threshold_leaves_a_usable_index(
    assistant_home: Path,
    tmp_path: Path,
    embedder: Embedder,
    corpus_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ASSISTANT_ANN_THRESHOLD", "60")
    before = open_assistant(assistant_home, embedder)
    before.ingest([corpus_dir])
    assert before.store.vectors.kind == "flat"
    before.close()
    start = _generation(assistant_home)
    batch = tmp_path / "batch"
    batch.mkdir()
    for i in range(150):
        body = " ".join(f"Item {i} line {j} records a visit about casework." for j in range(12))
        (batch / f"note-{i:03}.txt").write_text(f"Note {i}\n\n{body}", encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_INGEST_BATCH_CHUNKS": "16"}
    command = [sys.executable, "-m", "assistant.cli", "ingest", str(batch), "--home"]
    process = subprocess.Popen(
        [*command, str(assistant_home)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 180
    while _generation(assistant_home) < start + 5 and time.monotonic() < deadline:
        assert process.poll() is None, "ingest ended before it could be killed"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)  # after the batch that crossed the threshold landed
    process.wait(timeout=30)

    after = open_assistant(assistant_home, embedder)
    docs, chunks = after.store.counts()
    assert docs < 152 and chunks >= 60, "the kill did not land after the crossing"
    assert after.store.vectors.kind == "ivf" and after.store.vectors.size == chunks
    answer = after.ask("What was the vacancy rate in April 2010?")
    assert answer.status == "answered"
    assert "15 per cent" in answer.citations[0].evidence.quote
    after.close()

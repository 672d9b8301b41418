"""Keyword engines behind one interface: SQLite FTS5 (default) or a derived tantivy index.

FTS5 scores every row that matches any query term before it can order them, so an OR
query costs in proportion to its matches (~230 ms at 1M passages, measured). tantivy
prunes with block-max WAND and returns the top k without scoring every match. SQLite
stays the source of truth: the tantivy files are derived, caught up from SQLite when the
index generation moved on, and rebuilt when missing or damaged.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from index.dates import date_bounds
from index.errors import StoreError
from index.store import Filters, Store

Engine = Literal["fts5", "tantivy"]
ENGINE_ENV = "ASSISTANT_KEYWORD_ENGINE"
FOLDER = "keyword"
TITLE_BOOST_PER_WEIGHT = 0.125
"""tantivy scores each field apart (a short title scores high), so FTS5's title weight 2
becomes a title boost of 0.25: SciFact keyword nDCG@10 0.694 at 0.25, 0.684 at 0.5, 0.624
at 2 (FTS5, title x2: 0.689), measured over the scale benchmark's passages."""
_BATCH = 5_000
_HEAP = 256_000_000


def default_engine() -> Engine:
    """The configured engine (ASSISTANT_KEYWORD_ENGINE), FTS5 unless tantivy is asked for."""
    return "tantivy" if os.environ.get(ENGINE_ENV, "").strip() == "tantivy" else "fts5"


class KeywordEngine(Protocol):
    """Ranks chunk ids by BM25 for a list of query words (higher is better)."""

    def search(
        self, words: list[str], k: int, filters: Filters, title_weight: float
    ) -> list[tuple[int, float]]: ...


class Fts5Keywords:
    """The store's own FTS5 index: exact BM25 over every match, no extra files."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def search(
        self, words: list[str], k: int, filters: Filters, title_weight: float
    ) -> list[tuple[int, float]]:
        """BM25 through FTS5, words quoted (no syntax injection) and OR-ed."""
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        return self.store.keyword_search(match, k, filters, title_weight)


class TantivyKeywords:
    """A tantivy index of the chunks under `<home>/keyword`, kept in step with SQLite."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.folder = store.home / FOLDER
        self._index: Any = None
        self._generation = -1

    def search(
        self, words: list[str], k: int, filters: Filters, title_weight: float
    ) -> list[tuple[int, float]]:
        """BM25 with top-k pruning; falls back to FTS5 while another process catches it up."""
        if not words:
            return []
        if not self._current():
            return Fts5Keywords(self.store).search(words, k, filters, title_weight)
        import tantivy

        boost = title_weight * TITLE_BOOST_PER_WEIGHT
        text = self._index.parse_query(
            " ".join(f'"{w}"' for w in words), ["title", "body"], {"title": boost}
        )
        query = _with_filters(tantivy, self._index.schema, text, filters)
        searcher = self._index.searcher()
        hits = searcher.search(query, k, count=False).hits
        if not hits:
            return []
        ids = searcher.fast_field_values("id", [address for _, address in hits])
        return [(int(i), float(score)) for i, (score, _) in zip(ids, hits, strict=True)]

    def sync(self) -> None:
        """Bring the tantivy index to the store's generation (rebuild it when unreadable)."""
        generation = self.store.generation  # read first: later writes only make it stale
        index, held_generation, held = self._open()
        if held_generation == generation:
            self._index, self._generation = index, generation
            return
        writer = _writer(index)  # first: a busy index fails before the diff is paid for
        wanted = np.sort(self.store.allowed_chunk_ids(Filters()))
        gone = np.setdiff1d(held, wanted, assume_unique=True)
        new = np.setdiff1d(wanted, held, assume_unique=True)
        for first in range(0, len(gone), _BATCH):
            writer.delete_documents_by_query(_id_set(index, gone[first : first + _BATCH]))
        for first in range(0, len(new), _BATCH):
            batch = new[first : first + _BATCH]
            writer.delete_documents_by_query(_id_set(index, batch))  # a crash may have left them
            self._add(writer, batch)
        writer.commit()
        writer.wait_merging_threads()
        _save_state(self.folder, generation, wanted)
        index.reload()
        self._index, self._generation = index, generation

    def _current(self) -> bool:
        """Whether the index holds the store's generation, catching it up if it can."""
        if self._index is not None and self._generation == self.store.generation:
            return True
        try:
            self.sync()
        except (OSError, ValueError, RuntimeError, StoreError):
            return False  # another writer holds the lock: FTS5 answers meanwhile
        return True

    def _open(self) -> tuple[Any, int, np.ndarray]:
        """The tantivy index, the generation and chunk ids it holds; fresh when unreadable."""
        import tantivy

        state = _load_state(self.folder)
        if state is not None:
            try:
                return tantivy.Index(_schema(tantivy), str(self.folder)), *state
            except (OSError, ValueError, RuntimeError):
                pass  # damaged: rebuilt below from the source of truth
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        empty = np.zeros(0, dtype=np.int64)
        return tantivy.Index(_schema(tantivy), str(self.folder)), -1, empty

    def _add(self, writer: Any, ids: np.ndarray) -> None:
        """Index a batch of chunks, read from SQLite."""
        import tantivy

        rows = self.store.chunks([int(i) for i in ids])
        for chunk_id, (_, document, text) in rows.items():
            fields: dict[str, Any] = {
                "id": chunk_id, "title": document.title, "body": text, "kind": document.kind,
            }  # fmt: skip
            if document.date:
                start, end = date_bounds(document.date)
                fields["date_start"], fields["date_end"] = _day(start), _day(end)
            writer.add_document(tantivy.Document(**fields))


def keyword_engine(store: Store, engine: Engine) -> KeywordEngine:
    """The engine a search configuration names."""
    return TantivyKeywords(store) if engine == "tantivy" else Fts5Keywords(store)


def _schema(tantivy: Any) -> Any:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=False, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="en_stem")
    builder.add_text_field("body", tokenizer_name="en_stem")
    builder.add_text_field("kind", tokenizer_name="raw")
    builder.add_integer_field("date_start", indexed=True, fast=True)
    builder.add_integer_field("date_end", indexed=True, fast=True)
    return builder.build()


def _writer(index: Any) -> Any:
    try:
        return index.writer(heap_size=_HEAP, num_threads=2)
    except ValueError as exc:
        raise StoreError(f"the keyword index is being written by another process: {exc}") from exc


def _id_set(index: Any, ids: np.ndarray) -> Any:
    import tantivy

    return tantivy.Query.term_set_query(index.schema, "id", [int(i) for i in ids])


def _with_filters(tantivy: Any, schema: Any, text: Any, filters: Filters) -> Any:
    """The text query restricted to the filters' kind and dates (undated documents fail)."""
    if not filters.active:
        return text
    must = [(tantivy.Occur.Must, text)]
    if filters.kind:
        must.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, "kind", filters.kind)))
    if filters.since:
        low = _day(date_bounds(filters.since)[0])
        must.append((tantivy.Occur.Must, _range(tantivy, schema, "date_end", low, None)))
    if filters.until:
        high = _day(date_bounds(filters.until)[1])
        must.append((tantivy.Occur.Must, _range(tantivy, schema, "date_start", None, high)))
    return tantivy.Query.boolean_query(must)


def _range(tantivy: Any, schema: Any, field: str, low: int | None, high: int | None) -> Any:
    return tantivy.Query.range_query(schema, field, tantivy.FieldType.Integer, low, high)


def _day(iso: str) -> int:
    """ISO dates as integers (2010-03-12 is 20100312), so ranges compare them."""
    return int(iso.replace("-", ""))


def _load_state(folder: Path) -> tuple[int, np.ndarray] | None:
    """The generation and chunk ids the tantivy index was last committed with, if known."""
    try:
        with np.load(folder / "state.npz") as state:
            return int(state["generation"]), np.asarray(state["ids"], dtype=np.int64)
    except (OSError, ValueError, KeyError):
        return None


def _save_state(folder: Path, generation: int, ids: np.ndarray) -> None:
    """Record, atomically, which generation and chunks the committed index holds."""
    tmp = folder / f".state.{os.getpid()}.npz"
    np.savez(tmp, generation=np.int64(generation), ids=ids)
    os.replace(tmp, folder / "state.npz")

"""The on-disk index: SQLite (documents, chunks, sentences, FTS5) plus FAISS vectors.

SQLite is the source of truth, vectors included; each write is one transaction
that bumps the index generation. The FAISS file is saved per generation and
rebuilt from SQLite when a crash left it behind, so a killed ingest never leaves
a torn index.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from index.dates import date_bounds
from index.errors import DocumentNotFound, StoreError
from index.events import DatedSpan
from index.fields import StoredRecord, delete_fields, read_fields, write_fields
from index.models import ChunkSpan, SentenceSpan
from index.records import DocumentRecord, StoredChunk, StoredSentence
from index.schema import DDL, MIGRATIONS, SCHEMA_VERSION
from index.sentence_vectors import dequantise, quantise
from index.vectors import VectorIndex

DB_NAME = "index.sqlite3"
WORDS_PER_QUERY = 500
"""Words looked up per SQL statement (SQLite caps the parameters of one statement)."""
_NO_VECTOR = np.zeros(0, dtype=np.float32)


@dataclass(frozen=True)
class Filters:
    """Restrict search to a kind and a date range (inclusive, on document dates)."""

    kind: str | None = None
    since: str | None = None
    until: str | None = None

    @property
    def active(self) -> bool:
        """Whether any restriction is set."""
        return bool(self.kind or self.since or self.until)


@dataclass(frozen=True)
class DatedSentence:
    """A sentence that states a date: where it is, what it says, which period it names."""

    document: DocumentRecord
    ord: int
    start: int
    end: int
    text: str
    first: str
    last: str
    precision: str
    label: str
    approximate: bool
    page: int | None


@dataclass
class NewDocument:
    """A cleaned, split and embedded document ready to be written."""

    id: str
    title: str
    kind: str
    date: str | None
    source: str
    attribution: str | None
    origin_key: str
    fingerprint: str
    text: str
    sentences: list[SentenceSpan]
    chunks: list[ChunkSpan]
    vectors: np.ndarray = field(repr=False)
    sentence_vectors: np.ndarray | None = field(default=None, repr=False)  # one row a sentence
    acronyms: dict[str, str] = field(default_factory=dict)  # defined in the text: short -> long
    words: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # new vocabulary
    dates: list[tuple[int, DatedSpan]] = field(default_factory=list)
    fields: tuple[tuple[str, str], ...] = ()  # a register row's columns
    row: int | None = None  # set for register rows: their fields are stored
    seen_at: str | None = None  # when the values were true; None: the ingest time


class Store:
    """One index folder: open it, write documents, read them back, search keywords."""

    def __init__(self, home: Path, *, create: bool = True) -> None:
        self.home = home
        if not create and not (home / DB_NAME).exists():
            raise StoreError(f"no index in {home}: run `assistant ingest PATH` first")
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the index folder {home}: {exc.strerror}") from exc
        self._path = home / DB_NAME
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._vectors: VectorIndex | None = None
        _create_schema(self._db)

    @property
    def _db(self) -> sqlite3.Connection:
        """This thread's connection: one connection is never shared by two threads at once."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = _connect(self._path)
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    # ---- lifecycle -------------------------------------------------------
    def close(self) -> None:
        """Close every thread's database connection."""
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()

    @property
    def generation(self) -> int:
        """Bumped by every committed write; readers use it to see change."""
        return int(self._meta("generation") or 0)

    @property
    def model(self) -> str | None:
        """The embedding model the index was built with, if any yet."""
        return self._meta("model")

    @property
    def vectors(self) -> VectorIndex:
        """The FAISS index, loaded on first use (listing documents never needs it)."""
        if self._vectors is None:
            dimension = self._meta("dimension")
            if dimension is None:
                raise StoreError("the index has no embedding model yet: ingest something first")
            self._vectors = self._load_vectors(int(dimension))
        return self._vectors

    @property
    def encoder(self) -> str | None:
        """The encoder that built the index ("onnx-int8", "torch"); older indexes are torch's."""
        if self._meta("model") is None:
            return None
        return self._meta("encoder") or "torch"

    def bind_model(self, model: str, dimension: int, encoder: str = "torch") -> None:
        """Record the model and encoder of a new index; refuse to mix two encoders' vectors."""
        stored = self._meta("model")
        if stored is None:
            with self._transaction():
                self._set_meta("model", model)
                self._set_meta("dimension", str(dimension))
                self._set_meta("encoder", encoder)
                self._set_meta("schema", SCHEMA_VERSION)
            return
        if stored != model or self._meta("dimension") != str(dimension):
            raise StoreError(
                f"the index in {self.home} was built with model {stored!r}, not {model!r}:"
                " use that model, or another --home to build a new index"
            )
        if self.encoder != encoder:
            raise StoreError(
                f"the index in {self.home} was built with the {self.encoder} encoder, not"
                f" {encoder}: set ASSISTANT_EMBEDDER={self.encoder} to use it, or ingest into"
                f" a new --home to re-embed with {encoder}"
            )

    def save_vectors(self) -> None:
        """Persist the FAISS index under the generation it holds (if it was loaded)."""
        if self._vectors is not None:
            self._vectors.save(self.home)

    def refresh(self) -> bool:
        """Reload the vectors if another process changed the index; True when it did."""
        current = self._vectors
        if current is None or current.generation == self.generation:
            return False
        with self._lock:  # one reload at a time; readers keep the old copy meanwhile
            if self._vectors is current:
                self._vectors = self._load_vectors(current.dimension)
        return True

    # ---- writing ---------------------------------------------------------
    def write(self, documents: list[NewDocument]) -> None:
        """Insert or replace documents in one transaction, then update vectors."""
        if not documents:
            return
        vectors = self.vectors
        removed: list[int] = []
        added: list[tuple[np.ndarray, np.ndarray]] = []
        with self._transaction():
            in_step = vectors.generation == self.generation
            for doc in documents:
                removed += self._delete_document_rows(doc.id)
                added.append(self._insert_document(doc))
            generation = self._bump_generation()
        if not in_step:  # another process wrote meanwhile: rebuild from the source of truth
            self._vectors = self._load_vectors(vectors.dimension)
            return
        vectors.remove(removed)
        for ids, chunk_vectors in added:
            vectors.add(ids, chunk_vectors)
        vectors.generation = generation

    def remove(self, doc_id: str) -> None:
        """Delete one document, its chunks, sentences and vectors."""
        if self.find(doc_id) is None:
            raise DocumentNotFound(doc_id)
        with self._transaction():
            in_step = self._vectors is not None and self._vectors.generation == self.generation
            removed = self._delete_document_rows(doc_id)
            generation = self._bump_generation()
        if self._vectors is None:
            return  # rebuilt from SQLite when next needed
        if not in_step:
            self._vectors = self._load_vectors(self._vectors.dimension)
            return
        self._vectors.remove(removed)
        self._vectors.generation = generation
        self.save_vectors()

    # ---- reading ---------------------------------------------------------
    def find(self, doc_id: str) -> DocumentRecord | None:
        """A document's metadata, or None."""
        row = self._db.execute(_DOC_SELECT + " WHERE d.id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def get(self, doc_id: str) -> DocumentRecord:
        """A document's metadata; DocumentNotFound when absent."""
        found = self.find(doc_id)
        if found is None:
            raise DocumentNotFound(doc_id)
        return found

    def text(self, doc_id: str) -> str:
        """A document's full stored text (the text every offset points into)."""
        row = self._db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(doc_id)
        return str(row[0])

    def by_origin(self, origin_key: str) -> list[tuple[str, str]]:
        """(id, fingerprint) of documents ingested from this file or record."""
        rows = self._db.execute(
            "SELECT id, fingerprint FROM documents WHERE origin_key = ?", (origin_key,)
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def ids_from_file(self, file_key: str, keep: set[str]) -> list[str]:
        """Ids of records ingested from a file whose origin is not in `keep`."""
        rows = self._db.execute(
            "SELECT id, origin_key FROM documents WHERE substr(origin_key, 1, ?) = ?",
            (len(file_key) + 1, file_key + "#"),
        )
        return [str(r[0]) for r in rows if r[1] not in keep]

    def documents(self, filters: Filters | None = None) -> list[DocumentRecord]:
        """All documents matching the filters, by date then title."""
        where, params = _filter_sql(filters or Filters())
        rows = self._db.execute(
            _DOC_SELECT + where + " ORDER BY d.date IS NULL, d.date, d.title", params
        )
        return [_document(r) for r in rows]

    def counts(self) -> tuple[int, int]:
        """How many documents and chunks the index holds."""
        docs = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        chunks = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return int(docs), int(chunks)

    def chunks(self, ids: list[int]) -> dict[int, tuple[StoredChunk, DocumentRecord, str]]:
        """Chunks by id with their document and their text."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT c.id, c.doc_id, c.start, c.end, c.paragraph, c.page, c.first_sentence,"
            " c.last_sentence, substr(d.text, c.start + 1, c.end - c.start),"
            " d.id, d.title, d.kind, d.date, d.source, d.attribution, 0"
            f" FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
            ids,
        )
        return {int(r[0]): (StoredChunk(*r[0:8]), _document(r[9:16]), str(r[8])) for r in rows}

    def sentences(self, doc_id: str, first: int, last: int) -> list[StoredSentence]:
        """Sentences `first`..`last` (inclusive) of a document."""
        rows = self._db.execute(
            "SELECT doc_id, ord, start, end, paragraph, page FROM sentences"
            " WHERE doc_id = ? AND ord BETWEEN ? AND ? ORDER BY ord",
            (doc_id, first, last),
        )
        return [StoredSentence(*r) for r in rows]

    def sentence_vectors(self, doc_id: str, first: int, last: int) -> dict[int, np.ndarray | None]:
        """Sentence vectors `first`..`last` of a document by ord (None where none is stored)."""
        rows = self._db.execute(
            "SELECT ord, embedding FROM sentences WHERE doc_id = ? AND ord BETWEEN ? AND ?",
            (doc_id, first, last),
        )
        return {int(r[0]): None if r[1] is None else dequantise(r[1]) for r in rows}

    def has_vocabulary(self) -> bool:
        """Whether ingest stored word vectors (indexes built before it did have none)."""
        return self._db.execute("SELECT 1 FROM words LIMIT 1").fetchone() is not None

    def known_words(self, words: set[str]) -> set[str]:
        """The words of `words` the vocabulary already holds a vector for."""
        return set(self.word_vectors(words, vectors=False))

    def completions(self, prefix: str, limit: int = 8) -> list[str]:
        """Vocabulary words that start with `prefix` (lower case), in order."""
        rows = self._db.execute(
            "SELECT word FROM words WHERE word > ? AND word < ? ORDER BY word LIMIT ?",
            (prefix, prefix + "\uffff", limit),
        )
        return [str(r[0]) for r in rows]

    def word_vectors(self, words: set[str], *, vectors: bool = True) -> dict[str, np.ndarray]:
        """The stored vectors of those words the vocabulary holds."""
        found: dict[str, np.ndarray] = {}
        listed = sorted(words)
        column = "embedding" if vectors else "NULL"
        for at in range(0, len(listed), WORDS_PER_QUERY):
            part = listed[at : at + WORDS_PER_QUERY]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT word, {column} FROM words WHERE word IN ({marks})", part
            )
            found.update((str(r[0]), dequantise(r[1]) if vectors else _NO_VECTOR) for r in rows)
        return found

    def acronyms(self) -> dict[str, str]:
        """Acronyms the records define, short -> long (the most often defined long form)."""
        generation = self.generation
        cached = getattr(self._local, "acronyms", None)
        if cached is not None and cached[0] == generation:
            return dict(cached[1])
        rows = self._db.execute(
            "SELECT short, long, count(*) AS n FROM acronyms GROUP BY short, long"
            " ORDER BY short, n DESC, long"
        )
        found: dict[str, str] = {}
        for short, long, _ in rows:
            found.setdefault(str(short), str(long))
        self._local.acronyms = (generation, found)
        return dict(found)

    def term_frequency(self, word: str) -> int:
        """How many chunks hold the word (FTS5 stemming applies): weights question terms."""
        row = self._db.execute(
            "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (f'"{word}"',)
        ).fetchone()
        return int(row[0])

    def dated_sentences(
        self, filters: Filters, first: str | None = None, last: str | None = None
    ) -> list[DatedSentence]:
        """Sentences with a date inside [first, last], with their document and text."""
        where, params = _filter_sql(filters, prefix="AND")
        sql = (
            "SELECT sd.doc_id, sd.ord, s.start, s.end,"
            " substr(d.text, s.start + 1, s.end - s.start),"
            " sd.first, sd.last, sd.precision, sd.label, sd.approximate, s.page,"
            " d.id, d.title, d.kind, d.date, d.source, d.attribution, 0"
            " FROM sentence_dates sd JOIN sentences s ON s.doc_id = sd.doc_id AND s.ord = sd.ord"
            " JOIN documents d ON d.id = sd.doc_id"
            f" WHERE sd.last >= ? AND sd.first <= ? {where} ORDER BY sd.first, d.date, sd.doc_id"
        )
        rows = self._db.execute(sql, [first or "0001-01-01", last or "9999-12-31", *params])
        return [
            DatedSentence(
                document=_document(r[11:18]),
                ord=int(r[1]),
                start=int(r[2]),
                end=int(r[3]),
                text=str(r[4]),
                first=str(r[5]),
                last=str(r[6]),
                precision=str(r[7]),
                label=str(r[8]),
                approximate=bool(r[9]),
                page=r[10],
            )
            for r in rows
        ]

    def records(
        self, filters: Filters | None = None, having: str | None = None
    ) -> list[StoredRecord]:
        """Register rows (documents read from csv rows) with their columns and value history.

        `having` keeps only rows with that column (case-insensitive); ordered by file, row.
        """
        where, params = _filter_sql(filters or Filters(), prefix="AND")
        column = ""
        if having is not None:
            column = (
                " AND EXISTS (SELECT 1 FROM record_fields f WHERE f.doc_id = d.id"
                " AND lower(f.field) = lower(?))"
            )
            params = [*params, having]
        rows = self._db.execute(
            "SELECT d.id, d.title, d.kind, d.date, d.source, d.attribution, 0, r.row, r.seen_at,"
            " d.text FROM record_rows r JOIN documents d ON d.id = r.doc_id"
            f" WHERE 1 = 1 {where}{column} ORDER BY d.source, r.row",
            params,
        ).fetchall()
        fields, history = read_fields(self._db, [str(r[0]) for r in rows])
        return [
            StoredRecord(
                document=_document(r[0:7]),
                row=int(r[7]),
                seen_at=str(r[8]),
                fields=fields[str(r[0])],
                text=str(r[9]),
                history=tuple(history[str(r[0])]),
            )
            for r in rows
        ]

    def keyword_search(
        self, match: str, k: int, filters: Filters, title_weight: float = 2.0
    ) -> list[tuple[int, float]]:
        """FTS5 BM25 over chunk text and titles; scores are higher-is-better."""
        where, params = _filter_sql(filters, prefix="AND")
        joins = (
            " JOIN chunks c ON c.id = f.rowid JOIN documents d ON d.id = c.doc_id"
            if filters.active
            else ""  # the joins cost more than half the keyword time; only filters need them
        )
        sql = (
            f"SELECT f.rowid, -bm25(chunks_fts, {float(title_weight)}, 1.0) AS score"
            f" FROM chunks_fts f{joins}"
            f" WHERE chunks_fts MATCH ? {where} ORDER BY score DESC LIMIT ?"
        )
        try:
            rows = self._db.execute(sql, [match, *params, k]).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"keyword search failed: {exc}") from exc
        return [(int(r[0]), float(r[1])) for r in rows]

    def allowed_chunk_ids(self, filters: Filters) -> np.ndarray:
        """Chunk ids whose document passes the filters (for filtered dense search)."""
        where, params = _filter_sql(filters)
        rows = self._db.execute(
            "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id" + where, params
        )
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    # ---- internals -------------------------------------------------------
    @contextmanager
    def _transaction(self, immediate: bool = True) -> Iterator[None]:
        """BEGIN (IMMEDIATE for writes) .. COMMIT, rolled back on any error."""
        try:
            self._db.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the index in {self.home} is busy or read-only: {exc}") from exc
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _bump_generation(self) -> int:
        generation = self.generation + 1
        self._set_meta("generation", str(generation))
        return generation

    def _load_vectors(self, dimension: int) -> VectorIndex:
        """The saved FAISS file of this generation, else rebuilt from SQLite.

        Generation, count and rows are read in one transaction, so what is loaded
        is exactly what that generation holds, whatever other writers do meanwhile.
        """
        with self._transaction(immediate=False):
            generation = self.generation
            count = int(self._db.execute("SELECT count(*) FROM chunks").fetchone()[0])
            loaded = VectorIndex.load(self.home, generation, dimension, count)
            if loaded is not None:
                return loaded
            ids = np.empty(count, dtype=np.int64)  # filled in place: at 1M rows a list of
            vectors = np.empty((count, dimension), dtype=np.float32)  # blobs would double it
            rows = self._db.execute("SELECT id, embedding FROM chunks ORDER BY id")
            for row, (chunk_id, blob) in enumerate(rows):
                ids[row], vectors[row] = chunk_id, np.frombuffer(blob, dtype=np.float32)
        rebuilt = VectorIndex(dimension, generation)
        rebuilt.add(ids, vectors)
        with suppress(StoreError):  # a read-only home still answers from the copy in memory
            rebuilt.save(self.home)
        return rebuilt

    def _delete_document_rows(self, doc_id: str) -> list[int]:
        """Delete a document's rows; returns its chunk ids for the vector index."""
        ids = [r[0] for r in self._db.execute("SELECT id FROM chunks WHERE doc_id = ?", (doc_id,))]
        if ids:
            marks = ",".join("?" * len(ids))
            self._db.execute(f"DELETE FROM chunks_fts WHERE rowid IN ({marks})", ids)
        self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM sentences WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM sentence_dates WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM acronyms WHERE doc_id = ?", (doc_id,))
        delete_fields(self._db, doc_id)
        self._db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return ids

    def _insert_document(self, doc: NewDocument) -> tuple[np.ndarray, np.ndarray]:
        """Insert one document's rows; returns (chunk ids, vectors) for FAISS."""
        start, end = date_bounds(doc.date) if doc.date else (None, None)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.execute(
            "INSERT INTO documents (id, title, kind, date, date_start, date_end, source,"
            " attribution, origin_key, fingerprint, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id, doc.title, doc.kind, doc.date, start, end, doc.source,
                doc.attribution, doc.origin_key, doc.fingerprint, doc.text, now,
            ),
        )  # fmt: skip
        if doc.row is not None:
            write_fields(self._db, doc.id, doc.row, doc.seen_at or now, doc.fields)
        packed = _packed_rows(doc.sentence_vectors, len(doc.sentences))
        self._db.executemany(
            "INSERT INTO sentences (doc_id, ord, start, end, paragraph, page, embedding)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (doc.id, i, s.start, s.end, s.paragraph, s.page, packed[i])
                for i, s in enumerate(doc.sentences)
            ],
        )
        self._db.executemany(
            "INSERT INTO sentence_dates (doc_id, ord, start, end, first, last, precision, label,"
            " approximate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc.id, i, d.start, d.end, d.first, d.last, d.precision, d.label, d.approximate)
                for i, d in doc.dates
            ],
        )
        self._db.executemany(
            "INSERT INTO acronyms (doc_id, short, long) VALUES (?, ?, ?)",
            [(doc.id, short, long) for short, long in doc.acronyms.items()],
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO words (word, embedding) VALUES (?, ?)",
            [(word, quantise(vector)) for word, vector in doc.words.items()],
        )
        ids = [self._insert_chunk(doc, i, c) for i, c in enumerate(doc.chunks)]
        return np.array(ids, dtype=np.int64), doc.vectors

    def _insert_chunk(self, doc: NewDocument, ord_: int, chunk: ChunkSpan) -> int:
        """Insert one chunk and its FTS row; returns its id."""
        vector = np.ascontiguousarray(doc.vectors[ord_], dtype=np.float32).tobytes()
        cursor = self._db.execute(
            "INSERT INTO chunks (doc_id, ord, start, end, paragraph, page, first_sentence,"
            " last_sentence, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id, ord_, chunk.start, chunk.end, chunk.paragraph, chunk.page,
                chunk.first_sentence, chunk.last_sentence, vector,
            ),
        )  # fmt: skip
        chunk_id = int(cursor.lastrowid or 0)
        self._db.execute(
            "INSERT INTO chunks_fts (rowid, title, body) VALUES (?, ?, ?)",
            (chunk_id, doc.title, doc.text[chunk.start : chunk.end]),
        )
        return chunk_id


_DOC_SELECT = (
    "SELECT d.id, d.title, d.kind, d.date, d.source, d.attribution,"
    " (SELECT count(*) FROM chunks c WHERE c.doc_id = d.id) FROM documents d"
)


def _document(row: tuple[object, ...] | sqlite3.Row) -> DocumentRecord:
    values = tuple(row)
    return DocumentRecord(
        id=str(values[0]),
        title=str(values[1]),
        kind=str(values[2]),
        date=None if values[3] is None else str(values[3]),
        source=str(values[4]),
        attribution=None if values[5] is None else str(values[5]),
        chunks=int(str(values[6] or 0)),
    )


def _filter_sql(filters: Filters, prefix: str = "WHERE") -> tuple[str, list[object]]:
    """SQL conditions on documents `d` for the filters; dated filters skip undated docs."""
    clauses: list[str] = []
    params: list[object] = []
    if filters.kind:
        clauses.append("d.kind = ?")
        params.append(filters.kind)
    if filters.since:
        clauses.append("d.date_end >= ?")
        params.append(date_bounds(filters.since)[0])
    if filters.until:
        clauses.append("d.date_start <= ?")
        params.append(date_bounds(filters.until)[1])
    if not clauses:
        return "", []
    return f" {prefix} " + " AND ".join(clauses), params


def _connect(path: Path) -> sqlite3.Connection:
    """Open SQLite in autocommit mode with WAL, so readers never wait on a writer."""
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        _switch_to_wal(db)
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the index database {path}: {exc}") from exc
    return db


LOCKED_WAIT_S = 30.0


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """Turn WAL on, waiting out a second process that is creating the same new file.

    SQLite reports "database is locked" at once, without its busy handler, when two
    connections switch a new database's journal mode together; so wait here instead.
    """
    deadline = time.monotonic() + LOCKED_WAIT_S
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _create_schema(db: sqlite3.Connection) -> None:
    """Create the tables on first use; a file that is not an index fails here, clearly."""
    try:
        db.executescript(DDL)
        for table, column, declaration in MIGRATIONS:
            have = {str(r[1]) for r in db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the index database: {exc}") from exc


def _packed_rows(vectors: np.ndarray | None, count: int) -> list[bytes | None]:
    """One int8 blob per sentence, or None for each when the document came without them."""
    if vectors is None or len(vectors) != count:
        return [None] * count
    return [quantise(row) for row in vectors]

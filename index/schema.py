"""The SQLite schema: documents, chunks (with their vectors), sentences (with int8 vectors),
FTS5, record fields."""

from __future__ import annotations

SCHEMA_VERSION = "1"

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    date_start TEXT,
    date_end TEXT,
    source TEXT NOT NULL,
    attribution TEXT,
    origin_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_origin ON documents(origin_key);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    page INTEGER,
    first_sentence INTEGER NOT NULL,
    last_sentence INTEGER NOT NULL,
    embedding BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    page INTEGER,
    embedding BLOB,
    PRIMARY KEY (doc_id, ord)
);
CREATE TABLE IF NOT EXISTS sentence_dates (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    precision TEXT NOT NULL,
    label TEXT NOT NULL,
    approximate INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sentence_dates_first ON sentence_dates(first);
CREATE INDEX IF NOT EXISTS sentence_dates_doc ON sentence_dates(doc_id, ord);
CREATE TABLE IF NOT EXISTS record_rows (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    row INTEGER NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS record_fields (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
);
CREATE TABLE IF NOT EXISTS record_history (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS record_history_doc ON record_history(doc_id, field);
CREATE TABLE IF NOT EXISTS acronyms (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    short TEXT NOT NULL,
    long TEXT NOT NULL,
    PRIMARY KEY (doc_id, short)
);
CREATE TABLE IF NOT EXISTS words (
    word TEXT PRIMARY KEY,
    embedding BLOB NOT NULL
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    title, body, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""

MIGRATIONS = (
    # (table, column, declaration): columns added after a table was first created
    ("sentences", "embedding", "BLOB"),
)

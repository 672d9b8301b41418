"""Record files (.jsonl, .csv registers): one document per record, bad records reported."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from index.errors import LoaderError
from index.kinds import normalise_kind
from index.loaders.encoding import decode_bytes
from index.models import DocumentMeta, LoadedDocument, LoadFailure

_ID_KEYS = ("id", "_id")
_ID_COLUMNS = ("id", "ref")
_TEXT_COLUMNS = ("text", "description", "recommendation", "body")
_META_COLUMNS = ("title", "date", "kind", "source")
_SEEN_COLUMNS = ("as_of", "as of", "as-of", "updated")
"""A column saying when the row's values were true; else they count as seen at ingest."""

Loaded = tuple[list[LoadedDocument], list[LoadFailure]]


class _BadRecord(Exception):
    """A record that cannot become a document; becomes a LoadFailure."""


def record_fingerprint(fields: Mapping[str, Any]) -> str:
    """A stable hash of a record's fields, so unchanged records are skipped on re-ingest."""
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_jsonl(path: Path, data: bytes) -> Loaded:
    """Read one JSON object per line (BEIR corpora load as they are)."""
    documents: list[LoadedDocument] = []
    failures: list[LoadFailure] = []
    seen: set[str] = set()
    for line_no, line in enumerate(decode_bytes(data, str(path)).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            document = _json_record(path, line, seen)
        except _BadRecord as exc:
            failures.append(LoadFailure(origin=f"{path}:{line_no}", reason=str(exc)))
            continue
        documents.append(document)
    return _some(path, documents, failures)


def _json_record(path: Path, line: str, seen: set[str]) -> LoadedDocument:
    """One line into a document, or _BadRecord saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise _BadRecord("not a JSON object")
    raw_id = next((record[key] for key in _ID_KEYS if record.get(key) not in (None, "")), None)
    if raw_id is None or isinstance(raw_id, (dict, list)):
        raise _BadRecord("no id (expected 'id' or '_id')")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRecord("no text")
    record_id = _claim_id(str(raw_id), seen)
    meta = _meta({key: record.get(key) for key in _META_COLUMNS})
    return LoadedDocument(
        origin=f"{path}#{record_id}",
        raw_text=text,
        meta=meta,
        record_id=record_id,
        fingerprint=record_fingerprint(record),
    )


def load_csv(path: Path, data: bytes) -> Loaded:
    """Read a register: one document per row, extra columns kept as 'Column: value'."""
    reader = csv.DictReader(io.StringIO(decode_bytes(data, str(path)), newline=""))
    documents: list[LoadedDocument] = []
    failures: list[LoadFailure] = []
    seen: set[str] = set()
    try:
        for row_no, row in enumerate(reader, start=2):  # spreadsheet rows: header is row 1
            fields = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
            try:
                documents.append(_csv_record(path, row_no, fields, seen))
            except _BadRecord as exc:
                failures.append(LoadFailure(origin=f"{path}:row {row_no}", reason=str(exc)))
    except csv.Error as exc:
        raise LoaderError(str(path), f"invalid CSV: {exc}") from None
    return _some(path, documents, failures)


def _some(path: Path, documents: list[LoadedDocument], failures: list[LoadFailure]) -> Loaded:
    """A file that holds no record at all is an error, not a quiet success."""
    if not documents and not failures:
        raise LoaderError(str(path), "no records")
    return documents, failures


def _csv_record(path: Path, row_no: int, fields: dict[str, str], seen: set[str]) -> LoadedDocument:
    """One register row into a document, or _BadRecord."""
    columns = {name.lower(): name for name in fields}
    id_column = next((columns[c] for c in _ID_COLUMNS if fields.get(columns.get(c, ""))), None)
    text_column = next((columns[c] for c in _TEXT_COLUMNS if fields.get(columns.get(c, ""))), None)
    used = {id_column, text_column} | {columns.get(c) for c in _META_COLUMNS}
    extras = [
        f"{_label(name)}: {value}" for name, value in fields.items() if value and name not in used
    ]
    paragraphs = ([fields[text_column]] if text_column else []) + extras
    if not paragraphs:
        raise _BadRecord("no text")
    ref = fields[id_column] if id_column else None
    record_id = _claim_id(ref or f"row{row_no}", seen)
    meta = _meta({key: fields.get(columns.get(key, "")) for key in _META_COLUMNS})
    if meta.title is None and ref:
        meta = DocumentMeta(title=ref, kind=meta.kind, date=meta.date, source=meta.source)
    seen_column = next((columns[c] for c in _SEEN_COLUMNS if fields.get(columns.get(c, ""))), None)
    return LoadedDocument(
        origin=f"{path}#{record_id}",
        raw_text="\n\n".join(paragraphs),
        meta=meta,
        record_id=record_id,
        fingerprint=record_fingerprint({**fields, "\0row": str(row_no)}),
        fields=tuple(fields.items()),
        row=row_no,
        seen_at=fields[seen_column] if seen_column else None,
    )


def _claim_id(record_id: str, seen: set[str]) -> str:
    """Record ids must be unique within a file, or later records would overwrite earlier."""
    if record_id in seen:
        raise _BadRecord(f"duplicate id {record_id!r}")
    seen.add(record_id)
    return record_id


def _meta(values: Mapping[str, Any]) -> DocumentMeta:
    """Metadata from a record's title/date/kind/source; an unknown kind is an error."""
    text = {
        key: (str(value).strip() or None) if value is not None else None
        for key, value in values.items()
    }
    kind = text.get("kind")
    try:
        kind = normalise_kind(kind) if kind is not None else None
    except ValueError as exc:
        raise _BadRecord(str(exc)) from None
    return DocumentMeta(
        title=text.get("title"), kind=kind, date=text.get("date"), source=text.get("source")
    )


def _label(column: str) -> str:
    """A column header as a label: 'due_date' reads as 'Due date'."""
    label = column.replace("_", " ").strip()
    return label[:1].upper() + label[1:]

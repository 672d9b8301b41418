"""Turn a loaded document into cleaned text, sentences, chunks and final metadata."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from index.chunking import chunk_sentences
from index.cleaning import clean_text
from index.dates import normalise_date
from index.errors import LoaderError
from index.events import DatedSpan, dated_spans
from index.inference import day_in_address, day_in_name, infer_date, infer_title
from index.kinds import normalise_kind
from index.models import ChunkSpan, CleanText, DocumentMeta, LoadedDocument, SentenceSpan
from index.sentences import split_sentences

PIPELINE_VERSION = "10"
"""Bump when cleaning, chunking or title/date inference changes, so unchanged files are
re-processed once."""


@dataclass(frozen=True)
class PrepareOptions:
    """Knobs of cleaning and chunking that change what gets stored."""

    day_first: bool = True
    min_words: int = 100
    max_words: int = 200
    overlap: int = 1


@dataclass(frozen=True)
class PreparedDocument:
    """Everything about a document except its id and vectors."""

    origin_key: str
    fingerprint: str
    title: str
    kind: str
    date: str | None
    source: str
    attribution: str | None
    text: str
    sentences: list[SentenceSpan]
    chunks: list[ChunkSpan]
    dates: list[tuple[int, DatedSpan]]  # (sentence index, span with offsets in the document)
    fields: tuple[tuple[str, str], ...] = ()  # a register row's columns, as read
    row: int | None = None
    seen_at: str | None = None  # normalised date the row's values were true as of


def origin_key(path: Path, loaded: LoadedDocument) -> str:
    """What identifies a document across ingests: its file, plus its record id."""
    resolved = str(path.resolve())
    return f"{resolved}#{loaded.record_id}" if loaded.record_id is not None else resolved


def fingerprint(loaded: LoadedDocument, meta: DocumentMeta, options: PrepareOptions) -> str:
    """Content hash over what was read, the metadata and the pipeline settings."""
    payload = json.dumps(
        [loaded.fingerprint, meta.__dict__, options.__dict__, PIPELINE_VERSION], sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def merge_meta(sidecar: DocumentMeta | None, own: DocumentMeta) -> DocumentMeta:
    """The sidecar wins field by field; the file's own metadata fills the gaps."""
    if sidecar is None:
        return own
    return DocumentMeta(
        title=sidecar.title or own.title,
        kind=sidecar.kind or own.kind,
        date=sidecar.date or own.date,
        source=sidecar.source or own.source,
    )


def prepare(
    path: Path, loaded: LoadedDocument, meta: DocumentMeta, options: PrepareOptions
) -> PreparedDocument:
    """Clean, split and chunk; settle title, kind and date. LoaderError on bad input."""
    clean = clean_text(loaded.raw_text)
    if not clean.text.strip():
        raise LoaderError(loaded.origin, "no text left after cleaning")
    sentences = [s for s in split_sentences(clean) if s.end > s.start]
    chunks = chunk_sentences(
        clean.text,
        sentences,
        min_words=options.min_words,
        max_words=options.max_words,
        overlap=options.overlap,
    )
    date = (
        _date(meta, loaded, options.day_first)
        or day_in_name(path)
        or day_in_address(loaded.raw_text)
    )
    return PreparedDocument(
        origin_key=origin_key(path, loaded),
        fingerprint=fingerprint(loaded, meta, options),
        title=_title(meta, clean, path),
        kind=_kind(meta, loaded.origin),
        date=date,
        source=str(path.resolve()),
        attribution=meta.source,
        text=clean.text,
        sentences=sentences,
        chunks=chunks,
        dates=_sentence_dates(clean.text, sentences, date, options.day_first),
        fields=loaded.fields,
        row=loaded.row,
        seen_at=_seen_at(loaded, options.day_first),
    )


def _seen_at(loaded: LoadedDocument, day_first: bool) -> str | None:
    """The row's as-of date, normalised; a date that cannot be read fails the row."""
    if loaded.seen_at is None:
        return None
    try:
        return normalise_date(loaded.seen_at, day_first=day_first)
    except ValueError as exc:
        raise LoaderError(loaded.origin, f"bad as-of date: {exc}") from exc


def _sentence_dates(
    text: str, sentences: list[SentenceSpan], anchor: str | None, day_first: bool
) -> list[tuple[int, DatedSpan]]:
    """The dated spans of each sentence, offsets moved from the sentence to the document."""
    found = []
    for index, sentence in enumerate(sentences):
        for span in dated_spans(text[sentence.start : sentence.end], anchor, day_first=day_first):
            moved = replace(span, start=span.start + sentence.start, end=span.end + sentence.start)
            found.append((index, moved))
    return found


def _title(meta: DocumentMeta, clean: CleanText, path: Path) -> str:
    if meta.title and meta.title.strip():
        return meta.title.strip()
    return infer_title(clean) or path.stem


def _kind(meta: DocumentMeta, origin: str) -> str:
    if not meta.kind:
        return "other"
    try:
        return normalise_kind(meta.kind)
    except ValueError as exc:
        raise LoaderError(origin, str(exc)) from exc


def _date(meta: DocumentMeta, loaded: LoadedDocument, day_first: bool) -> str | None:
    if meta.date:
        try:
            return normalise_date(str(meta.date), day_first=day_first)
        except ValueError as exc:
            raise LoaderError(loaded.origin, f"bad date: {exc}") from exc
    return infer_date(loaded.raw_text, day_first=day_first)


_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def slug(text: str) -> str:
    """A document id made from a file name: safe in URLs and shells."""
    return _SLUG.sub("-", text).strip("-._") or "document"

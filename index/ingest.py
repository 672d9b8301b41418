"""Ingest files into the store: load, skip unchanged, prepare, embed in batches, write."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.acronyms import find_acronyms
from index.discovery import Discovery, FoundFile
from index.embedder import Embedder
from index.errors import LoaderError
from index.loaders import load_file
from index.models import ChunkSpan, LoadedDocument, LoadFailure
from index.prepare import PreparedDocument, PrepareOptions, merge_meta, origin_key, prepare, slug
from index.store import NewDocument, Store
from index.vocabulary import vocabulary

SAVE_EVERY_SECONDS = 10.0
"""While a long ingest runs, save the vectors this often so readers can load them."""

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as the ingest goes on."""


@dataclass
class IngestReport:
    """What an ingest did: counts per document, and one line per failure."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)

    def summary(self) -> str:
        """The one line printed at the end of an ingest."""
        removed = f"{len(self.removed)} removed, " if self.removed else ""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {removed}"
            f"{len(self.unchanged)} unchanged, {len(self.failures)} failed"
        )

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of the report."""
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": [{"source": f.origin, "reason": f.reason} for f in self.failures],
        }


@dataclass
class _Pending:
    doc_id: str
    prepared: PreparedDocument
    is_update: bool


class Ingestor:
    """Keeps a batch of prepared documents and writes it once it is large enough."""

    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        options: PrepareOptions | None = None,
        *,
        max_bytes: int = 50_000_000,
        batch_chunks: int = 256,
        embed_title: bool = True,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.options = options or PrepareOptions()
        self.max_bytes = max_bytes
        self.batch_chunks = batch_chunks
        self.embed_title = embed_title
        self._pending: list[_Pending] = []
        self._claimed: set[str] = set()
        self._saved_at = time.monotonic()

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        """Ingest every file under the paths; bad files are reported, never fatal."""
        report = IngestReport()
        discovery = Discovery(day_first=self.options.day_first)
        files = discovery.files(paths)
        report.failures += discovery.failures
        for done, found in enumerate(files, start=1):
            self._ingest_file(found, report)
            if progress:
                progress(done, len(files))
        self._flush(report)
        self.store.save_vectors()
        return report

    def _ingest_file(self, found: FoundFile, report: IngestReport) -> None:
        try:
            loaded, failures = load_file(found.path, max_bytes=self.max_bytes)
        except LoaderError as exc:
            report.failures.append(LoadFailure(exc.source, exc.reason))
            return
        report.failures += failures
        for item in loaded:
            self._ingest_document(found, item, report)
        if not failures and loaded and loaded[0].record_id is not None:
            self._drop_vanished_records(found.path, loaded, report)
        if sum(len(p.prepared.chunks) for p in self._pending) >= self.batch_chunks:
            self._flush(report)

    def _ingest_document(
        self, found: FoundFile, loaded: LoadedDocument, report: IngestReport
    ) -> None:
        meta = merge_meta(found.meta, loaded.meta)
        try:
            prepared = prepare(found.path, loaded, meta, self.options)
            doc_id, existing = self._identify(found.path, loaded, prepared)
        except LoaderError as exc:
            report.failures.append(LoadFailure(exc.source, exc.reason))
            return
        if existing == prepared.fingerprint:
            report.unchanged.append(doc_id)
            return
        self._claimed.add(doc_id)
        self._pending.append(_Pending(doc_id, prepared, existing is not None))

    def _identify(
        self, path: Path, loaded: LoadedDocument, prepared: PreparedDocument
    ) -> tuple[str, str | None]:
        """The document id, and the stored fingerprint when it was ingested before."""
        known = self.store.by_origin(prepared.origin_key)
        if known:
            return known[0]
        wanted = _wanted_id(path, loaded)
        holder = self.store.find(wanted)
        if holder is None and wanted not in self._claimed:
            return wanted, None
        if loaded.record_id is not None and path.suffix.lower() == ".jsonl":
            raise LoaderError(loaded.origin, f"id {wanted!r} is already used by another record")
        digest = hashlib.sha1(prepared.origin_key.encode()).hexdigest()[:8]
        return f"{wanted}-{digest}", None

    def _drop_vanished_records(
        self, path: Path, loaded: list[LoadedDocument], report: IngestReport
    ) -> None:
        """A record file that lost records: remove what it no longer holds."""
        keep = {origin_key(path, item) for item in loaded}
        for doc_id in self.store.ids_from_file(str(path.resolve()), keep):
            self.store.remove(doc_id)
            report.removed.append(doc_id)

    def _flush(self, report: IngestReport) -> None:
        """Embed the pending chunks in one call and write them in one transaction."""
        if not self._pending:
            return
        texts = [
            self._embedding_text(p.prepared, c) for p in self._pending for c in p.prepared.chunks
        ]
        sentences = [
            p.prepared.text[s.start : s.end] for p in self._pending for s in p.prepared.sentences
        ]
        met = set().union(*(vocabulary(p.prepared.text) for p in self._pending))
        new_words = sorted(met - self.store.known_words(met))
        vectors = self.embedder.embed_batch(texts + sentences + new_words)  # one call
        ends = (len(texts), len(texts) + len(sentences))
        chunk_vectors, sentence_vectors = vectors[: ends[0]], vectors[ends[0] : ends[1]]
        words = dict(zip(new_words, vectors[ends[1] :], strict=True))
        documents, offset, at = [], 0, 0
        for pending in self._pending:
            count, many = len(pending.prepared.chunks), len(pending.prepared.sentences)
            documents.append(
                _new_document(
                    pending,
                    chunk_vectors[offset : offset + count],
                    sentence_vectors[at : at + many],
                )
            )
            offset, at = offset + count, at + many
        documents[0].words.update(words)  # the vocabulary is shared: written once, with the first
        self.store.write(documents)
        if time.monotonic() - self._saved_at > SAVE_EVERY_SECONDS:
            self.store.save_vectors()
            self._saved_at = time.monotonic()
        for pending in self._pending:
            (report.updated if pending.is_update else report.added).append(pending.doc_id)
        self._pending = []

    def _embedding_text(self, prepared: PreparedDocument, chunk: ChunkSpan) -> str:
        body = prepared.text[chunk.start : chunk.end]
        return f"{prepared.title}\n{body}" if self.embed_title else body


def _wanted_id(path: Path, loaded: LoadedDocument) -> str:
    """The natural id: a record's own id (jsonl), file-prefixed for CSV rows, else the file stem."""
    if loaded.record_id is None:
        return slug(path.stem)
    if path.suffix.lower() == ".csv":
        return f"{slug(path.stem)}-{slug(loaded.record_id)}"
    return loaded.record_id


def _new_document(
    pending: _Pending, vectors: np.ndarray, sentence_vectors: np.ndarray
) -> NewDocument:
    p = pending.prepared
    return NewDocument(
        id=pending.doc_id,
        title=p.title,
        kind=p.kind,
        date=p.date,
        source=p.source,
        attribution=p.attribution,
        origin_key=p.origin_key,
        fingerprint=p.fingerprint,
        text=p.text,
        sentences=p.sentences,
        chunks=p.chunks,
        vectors=vectors,
        sentence_vectors=sentence_vectors,
        acronyms=find_acronyms(p.text),
        dates=p.dates,
        fields=p.fields,
        row=p.row,
        seen_at=p.seen_at,
    )

"""Rows as read back from the store: documents, chunks, sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentRecord:
    """A stored document's metadata (its text is fetched separately when needed)."""

    id: str
    title: str
    kind: str
    date: str | None
    source: str
    attribution: str | None
    chunks: int = 0

    def as_dict(self) -> dict[str, object]:
        """The JSON shape shared by the CLI and the HTTP API."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "date": self.date,
            "source": self.source,
            "attribution": self.attribution,
        }


@dataclass(frozen=True)
class StoredChunk:
    """A chunk's provenance: offsets into its document's stored text."""

    id: int
    doc_id: str
    start: int
    end: int
    paragraph: int
    page: int | None
    first_sentence: int
    last_sentence: int


@dataclass(frozen=True)
class StoredSentence:
    """A sentence's offsets into its document's stored text."""

    doc_id: str
    ord: int
    start: int
    end: int
    paragraph: int
    page: int | None

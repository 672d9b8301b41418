"""Plain data passed between the index stages: loaded, cleaned, split, stored."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("press_release", "scr_recommendation", "action_plan_note", "other")

PAGE_BREAK = "\f"
"""Loaders put this between pages so the cleaner can keep page numbers."""


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata a loader, a sidecar or front matter supplies; None means unknown."""

    title: str | None = None
    kind: str | None = None
    date: str | None = None  # "YYYY-MM-DD" or "YYYY-MM"
    source: str | None = None


@dataclass(frozen=True)
class LoadedDocument:
    """One document as a loader read it, before cleaning.

    `raw_text` may hold PAGE_BREAK between pages (PDF). `record_id` is set when
    the record carries its own id (jsonl, csv rows); files get one from their path.
    `is_markup_free` is False for text that still needs boilerplate cleaning.
    Register rows (csv) also keep their columns as `fields`, their spreadsheet `row`
    and `seen_at`, the date their values were true as of (an as_of/updated column).
    """

    origin: str  # the path (or path#row) it was read from, for messages
    raw_text: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    record_id: str | None = None
    fingerprint: str = ""  # content hash of what was read, for incremental ingest
    fields: tuple[tuple[str, str], ...] = ()  # (column, value) in file order
    row: int | None = None  # 1-based spreadsheet row (the header is row 1)
    seen_at: str | None = None  # as written in the file; normalised when prepared


@dataclass(frozen=True)
class LoadFailure:
    """A record inside a file that could not be read; the rest of the file goes on."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of cleaned text: [start, end) offsets, 1-based number, page or None."""

    start: int
    end: int
    number: int
    page: int | None = None


@dataclass(frozen=True)
class CleanText:
    """Cleaned document text, its paragraphs, and where each page begins (offset, page)."""

    text: str
    paragraphs: list[Paragraph]
    page_starts: list[tuple[int, int]] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The page an offset falls on (None for unpaged text)."""
        page = None
        for start, number in self.page_starts:
            if start > offset:
                break
            page = number
        return page


@dataclass(frozen=True)
class SentenceSpan:
    """One sentence: [start, end) into the cleaned text, its paragraph and page."""

    start: int
    end: int
    paragraph: int
    page: int | None = None


@dataclass(frozen=True)
class ChunkSpan:
    """A passage of whole sentences: offsets, first paragraph/page, sentence index range."""

    start: int
    end: int
    paragraph: int
    page: int | None
    first_sentence: int  # index into the document's sentence list
    last_sentence: int  # inclusive


@dataclass(frozen=True)
class DateMention:
    """A date written in text: offsets, normalised value and its precision."""

    start: int
    end: int
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: str  # "day", "month" or "year"

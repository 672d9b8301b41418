"""The answer and its citations, in the JSON shape the CLI and HTTP API share."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from index import DocumentRecord


@dataclass(frozen=True)
class Evidence:
    """A candidate sentence: where it is, what it says and how well it answers."""

    document: DocumentRecord
    quote: str
    start: int
    end: int
    page: int | None
    score: float
    coverage: float
    dates: tuple[str, ...] = ()  # normalised dates written in the sentence
    precisions: tuple[int, ...] = ()  # 1 year, 2 month, 3 day, one per date
    date_source: str = "sentence"  # where `dates` came from: sentence, heading, document;
    # "none" on an undated page, "nowhere" when that page names no year either, "relative"
    # when it dates itself by the page ("this year")
    context: Context | None = field(default=None, compare=False)  # shown with the quote
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Context:
    """A heading, previous sentence or speaker the answer shows because the quote needs it."""

    role: str  # "heading" | "previous" | "speaker" (who speaks a quotation, paragraphs above)
    # | "named" (the sentence above naming in full one the quote calls "Cllr Doe" or "she")
    quote: str
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        """JSON: what it is and where."""
        return {"role": self.role, "quote": self.quote, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Citation:
    """A numbered, verbatim span of a stored document."""

    id: int
    evidence: Evidence

    def as_dict(self) -> dict[str, object]:
        """JSON: number, quote, offsets, page, document."""
        e = self.evidence
        found: dict[str, object] = {
            "id": self.id,
            "quote": e.quote,
            "start": e.start,
            "end": e.end,
            "page": e.page,
            "document": e.document.as_dict(),
        }
        if e.context is not None:
            found["context"] = e.context.as_dict()
        return found


@dataclass(frozen=True)
class Related:
    """A nearby passage offered as reading when the records do not answer."""

    document: DocumentRecord
    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        """JSON: the passage and its document."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "document": self.document.as_dict(),
        }


@dataclass(frozen=True)
class Answer:
    """What `ask` returns: answered with citations, or not_found with related reading."""

    question: str
    status: str  # "answered" | "not_found"
    answer: str
    citations: list[Citation] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    reason: str | None = None
    searched: dict[str, object] = field(default_factory=dict)
    confidence: float | None = None  # the deciding score (calibrated probability)

    def as_dict(self) -> dict[str, object]:
        """The documented ask JSON, plus related reading and what was searched."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "citations": [c.as_dict() for c in self.citations],
            "related": [r.as_dict() for r in self.related],
            "reason": self.reason,
            "searched": self.searched,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
        }

"""The answer-writing stage: evidence in, cited sentences out. Extractive by default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from assistant.answer.evidence import earliest_date
from assistant.answer.models import Evidence
from assistant.answer.question import Question, stem, words
from index import date_bounds, dated_spans, format_date

_KIND_LABEL = {
    "press_release": "the press release",
    "scr_recommendation": "the Serious Case Review record",
    "action_plan_note": "the action-plan note",
    "other": "the record",
}


@dataclass(frozen=True)
class Draft:
    """Answer text with [n] markers, and the evidence each number cites (1-based order)."""

    text: str
    cited: list[Evidence]


class AnswerWriter(Protocol):
    """A stage that writes an answer only from the evidence it is given."""

    def write(self, question: Question, evidence: list[Evidence]) -> Draft:
        """Compose the answer; every sentence must end with the marker of its evidence."""
        ...


class ExtractiveWriter:
    """Quotes each evidence sentence verbatim, dated by its document when it has no date."""

    def write(self, question: Question, evidence: list[Evidence]) -> Draft:
        """One sentence per piece of evidence, in date order, each followed by its [n];
        a "when" question is answered date first."""
        ordered = sorted(evidence, key=earliest_date)
        lines = [f"{_lead(e, question)}{e.quote} [{n}]" for n, e in enumerate(ordered, start=1)]
        return Draft(text=" ".join(lines), cited=ordered)


def _lead(evidence: Evidence, question: Question) -> str:
    """Lead with the date for "when" questions; date an undated sentence by its document."""
    document = evidence.document
    if evidence.dates:
        when = _event_date(evidence, question) if question.asks_when else None
        return f"{when}: " if when else ""
    if not document.date:
        return ""
    label = _KIND_LABEL.get(document.kind, "the record")
    return f"In {label} of {format_date(document.date)}: "


def _event_date(evidence: Evidence, question: Question) -> str | None:
    """The date written nearest the question's words (not the document's own date)."""
    spans = dated_spans(evidence.quote, evidence.document.date)
    published = date_bounds(evidence.document.date)[0] if evidence.document.date else None
    if len(spans) > 1 and published:  # "the statement of 12 March 2010 recorded …"
        spans = [s for s in spans if s.first != published] or spans
    anchors = [start for start, _, word in words(evidence.quote) if stem(word) in question.terms]
    if not spans or not anchors:
        return None
    nearest = min(spans, key=lambda s: min(abs(s.start - a) for a in anchors))
    return nearest.label

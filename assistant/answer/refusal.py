"""not_found answers: say plainly that the records do not answer, why, and what was searched."""

from __future__ import annotations

from assistant.answer.models import Answer, Related
from assistant.answer.question import Question
from assistant.answer.select import Selection
from index import Filters, SearchHit, format_date

RELATED_SHOWN = 3
RELATED_CHARS = 300


def searched_shape(
    question: Question, filters: Filters, documents: int, passages: int, read: int
) -> dict[str, object]:
    """What was searched, so a reader can judge a not_found."""
    return {
        "query": question.text,
        "filters": {"kind": filters.kind, "since": filters.since, "until": filters.until},
        "periods": list(question.period_labels),
        "documents": documents,
        "passages": passages,
        "passages_read": read,
    }


def empty_index(question: Question, filters: Filters) -> Answer:
    """Nothing to search: say so, and how to fix it."""
    reason = "The index is empty: ingest records first (assistant ingest PATH)."
    searched = searched_shape(question, filters, 0, 0, 0)
    answer = f"The records do not say. {reason}"
    return Answer(question.text, "not_found", answer, [], [], reason, searched)


def not_found(
    question: Question, selection: Selection, hits: list[SearchHit], searched: dict[str, object]
) -> Answer:
    """The refusal, its reason and the nearest passages as related reading."""
    reason = _reason(question, selection, hits)
    related = _related(hits)
    answer = f"The records do not say. {reason}"
    if related:
        titles = "; ".join(
            r.document.title + (f" ({format_date(r.document.date)})" if r.document.date else "")
            for r in related
        )
        answer += f" Related reading (not an answer): {titles}."
    return Answer(
        question.text,
        "not_found",
        answer,
        [],
        related,
        reason,
        searched,
        confidence=selection.confidence,
    )


def _reason(question: Question, selection: Selection, hits: list[SearchHit]) -> str:
    """Why nothing answered, in a sentence a reader can act on."""
    if selection.nothing_asked:
        return "The question names nothing to look for beyond question words."
    if selection.unknown_names:
        return f"No record mentions {', '.join(selection.unknown_names)}."
    if selection.off_period:
        best_first = sorted(selection.off_period, key=lambda e: -e.score)
        held = [format_date(d) for d in dict.fromkeys(d for e in best_first for d in e.dates)]
        asked = ", ".join(question.period_labels)
        if held:
            return f"The records give this for {', '.join(held[:4])}, not for {asked}."
        return f"The matching records are not about {asked}."
    if not hits:
        return "No passage matched the question."
    return "No passage states what the question asks closely enough to quote as an answer."


def _related(hits: list[SearchHit]) -> list[Related]:
    """The nearest passages, one per document, trimmed (offsets stay exact)."""
    related: list[Related] = []
    for hit in hits:
        if len(related) == RELATED_SHOWN:
            break
        if any(r.document.id == hit.document.id for r in related):
            continue
        text = hit.text[:RELATED_CHARS]
        related.append(Related(hit.document, text, hit.chunk.start, hit.chunk.start + len(text)))
    return related

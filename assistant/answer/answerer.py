"""Ask: retrieve, select evidence, write, verify every quote, or say plainly the records do not."""

from __future__ import annotations

from assistant.answer.evidence import EvidenceSelector, Selection
from assistant.answer.models import Answer, Citation, Related
from assistant.answer.question import Question, analyse
from assistant.answer.writer import AnswerWriter, Draft
from assistant.errors import InvalidQuery, QuoteMismatch
from assistant.registers import answer_from_register
from index import Filters, Searcher, SearchHit, Store, format_date

MAX_QUESTION_CHARS = 1000
RELATED_SHOWN = 3
RELATED_CHARS = 300


class Answerer:
    """Turns a question into a grounded, cited answer over one index."""

    def __init__(
        self,
        store: Store,
        searcher: Searcher,
        selector: EvidenceSelector,
        writer: AnswerWriter,
        *,
        day_first: bool = True,
        top_k: int = 10,
        max_question_chars: int = MAX_QUESTION_CHARS,
    ) -> None:
        self.store = store
        self.searcher = searcher
        self.selector = selector
        self.writer = writer
        self.day_first = day_first
        self.top_k = top_k
        self.max_question_chars = max_question_chars

    def ask(self, text: str, filters: Filters | None = None) -> Answer:
        """The answer to a question, or not_found with what was searched and related reading."""
        question = analyse(_checked(text, self.max_question_chars), day_first=self.day_first)
        filters = filters or Filters()
        documents, passages = self.store.counts()
        if documents == 0:
            return _empty_index(question, filters)
        register = answer_from_register(self.store, question, filters, day_first=self.day_first)
        if register is not None:
            return register
        hits = self.searcher.search(question.text, top_k=self.top_k, filters=filters)
        selection = self.selector.select(question, hits, passages)
        searched = _searched(question, filters, documents, passages, selection.passages_read)
        if not selection.chosen:
            return _not_found(question, selection, hits, searched)
        draft = self.writer.write(question, selection.chosen)
        citations = self._verified(draft)
        return Answer(question.text, "answered", draft.text, citations, searched=searched)

    def _verified(self, draft: Draft) -> list[Citation]:
        """Check every quote against the stored text; a mismatch is a bug, never shown."""
        texts: dict[str, str] = {}
        for evidence in draft.cited:
            doc_id = evidence.document.id
            stored = texts.setdefault(doc_id, self.store.text(doc_id))
            if stored[evidence.start : evidence.end] != evidence.quote:
                raise QuoteMismatch(f"quote not verbatim in {doc_id} at {evidence.start}")
        for number in range(1, len(draft.cited) + 1):
            if f"[{number}]" not in draft.text:
                raise QuoteMismatch(f"citation [{number}] is not used in the answer")
        return [Citation(n, e) for n, e in enumerate(draft.cited, start=1)]


def _searched(
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


def _empty_index(question: Question, filters: Filters) -> Answer:
    """Nothing to search: say so, and how to fix it."""
    reason = "The index is empty: ingest records first (assistant ingest PATH)."
    searched = _searched(question, filters, 0, 0, 0)
    answer = f"The records do not say. {reason}"
    return Answer(question.text, "not_found", answer, [], [], reason, searched)


def _checked(text: str, limit: int) -> str:
    """Refuse empty and oversized questions with a reason."""
    question = " ".join(text.split())
    if not question:
        raise InvalidQuery("the question is empty")
    if len(question) > limit:
        raise InvalidQuery(f"the question is {len(question)} characters; the limit is {limit}")
    return question


def _not_found(
    question: Question, selection: Selection, hits: list[SearchHit], searched: dict[str, object]
) -> Answer:
    reason = _reason(question, selection, hits)
    related = _related(hits)
    answer = f"The records do not say. {reason}"
    if related:
        answer += (
            " Related reading (not an answer): "
            + "; ".join(
                f"{r.document.title}"
                + (f" ({format_date(r.document.date)})" if r.document.date else "")
                for r in related
            )
            + "."
        )
    return Answer(question.text, "not_found", answer, [], related, reason, searched)


def _reason(question: Question, selection: Selection, hits: list[SearchHit]) -> str:
    """Why nothing answered, in a sentence a reader can act on."""
    if selection.nothing_asked:
        return "The question names nothing to look for beyond question words."
    if selection.unknown_names:
        return f"No record mentions {', '.join(selection.unknown_names)}."
    if selection.off_period:
        held = [format_date(d) for d in sorted({d for e in selection.off_period for d in e.dates})]
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

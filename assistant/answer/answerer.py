"""Ask: analyse, retrieve, score in context, decide, compose, verify every quote.

Stages: `question.analyse` -> `Searcher.search` -> `select.EvidenceSelector` (candidates
in context, one calibrated score, one threshold) -> `writer.AnswerWriter` -> the quote
check here. Direct answerers (a register) are tried first; they are handed in, so this
module imports none of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from assistant.answer.intent import people_in, people_parts, question_parts
from assistant.answer.models import Answer, Citation, Evidence
from assistant.answer.question import Question, analyse
from assistant.answer.refusal import empty_index, not_found, searched_shape
from assistant.answer.scoring import default_model
from assistant.answer.select import EvidenceSelector, Selection
from assistant.answer.shortened import written_out
from assistant.answer.tokens import uncontracted
from assistant.answer.writer import AnswerWriter, Draft
from assistant.errors import InvalidQuery, QuoteMismatch
from index import Filters, Searcher, SearchHit, Store

MAX_QUESTION_CHARS = 1000

DirectAnswer = Callable[[Store, Question, Filters], Answer | None]


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
        direct: Sequence[DirectAnswer] = (),
    ) -> None:
        self.store = store
        self.searcher = searcher
        self.selector = selector
        self.writer = writer
        self.day_first = day_first
        self.top_k = top_k
        self.max_question_chars = max_question_chars
        self.direct = tuple(direct)

    def ask(self, text: str, filters: Filters | None = None) -> Answer:
        """The answer to a question, or not_found with what was searched and related reading."""
        checked = uncontracted(_checked(text, self.max_question_chars))
        english: frozenset[str] = getattr(self.searcher.embedder, "whole_words", frozenset())
        checked = written_out(checked, self.store, english)
        question = analyse(checked, day_first=self.day_first)
        filters = filters or Filters()
        documents, passages = self.store.counts()
        if documents == 0:
            return empty_index(question, filters)
        for answer_directly in self.direct:
            direct = answer_directly(self.store, question, filters)
            if direct is not None:
                return direct
        vector = self.searcher.embedder.embed_one(question.text)
        hits = self.searcher.search(
            question.text, top_k=self.top_k, filters=filters, query_vector=vector
        )
        selection = self._select(question, vector, hits, passages)
        searched = searched_shape(question, filters, documents, passages, selection.passages_read)
        if not selection.chosen:
            return not_found(question, selection, hits, searched)
        draft = self.writer.write(question, selection.chosen)
        citations = self._verified(draft)
        gap = _unanswered_note(selection.unanswered)
        return Answer(
            question.text,
            "answered",
            f"{draft.text}\n\n{gap}" if gap else draft.text,
            citations,
            reason=gap,
            searched=searched,
            confidence=selection.confidence,
        )

    def _select(
        self, question: Question, vector: np.ndarray, hits: list[SearchHit], passages: int
    ) -> Selection:
        """The whole question's evidence, or each part's when it asks several things."""
        parts = question_parts(question.text)
        whole = self.selector.select(question, vector, hits, passages)
        each = people_parts(question.text) if len(parts) < 2 else []
        by_person = len(each) == 2
        if by_person:
            parts = each  # asked of two people at once: of each in turn
        elif len(parts) < 2 or question.kind in ("list", "summary"):
            return whole
        chosen: list[Evidence] = []
        confidence = 1.0
        people: list[str] = []
        missed: list[tuple[str, Selection]] = []  # parts no quote answered, with their scoring
        for number, part in enumerate(parts):
            named = _named(part, people)
            # the first part stands alone; one naming the person found before takes only the
            # question's names, not what it said of them ("and what post did he hold?")
            later = number and not by_person  # each person's part stands whole
            read = _with_subject(named, question, names_only=named != part) if later else named
            asked = analyse(read, day_first=self.day_first, asking=named)
            found = self.selector.select(
                asked, self.searcher.embedder.embed_one(asked.text), hits, passages
            )
            if not found.chosen:
                missed.append((part, found))
                continue
            confidence = min(confidence, found.confidence)
            chosen += [e for e in found.chosen[:2] if e.quote not in {c.quote for c in chosen}]
            people = people or [
                p for e in found.chosen for p in people_in(_shown(e)) if not _asked(p, question)
            ]
        threshold = (self.selector.model or default_model()).threshold
        if by_person and missed and whole.chosen:
            return whole  # the two together answered; each alone did not
        if not chosen:
            meeting = _meeting_point([found for _, found in missed], threshold)
            if meeting is None:
                return whole  # no part answered: the question as one
            chosen, confidence = [meeting], min(found.confidence for _, found in missed)
        quoted = {(e.document.id, e.start) for e in chosen}
        whole.unanswered = [
            part for part, found in missed if not _answered_by(found, quoted, threshold)
        ]
        whole.chosen, whole.confidence = chosen, confidence
        return whole

    def _verified(self, draft: Draft) -> list[Citation]:
        """Check every quote (and shown context) against the stored text; a mismatch is a bug."""
        texts: dict[str, str] = {}
        for evidence in draft.cited:
            doc_id = evidence.document.id
            stored = texts.setdefault(doc_id, self.store.text(doc_id))
            if stored[evidence.start : evidence.end] != evidence.quote:
                raise QuoteMismatch(f"quote not verbatim in {doc_id} at {evidence.start}")
            context = evidence.context
            if context is not None and stored[context.start : context.end] != context.quote:
                raise QuoteMismatch(f"context not verbatim in {doc_id} at {context.start}")
        for number in range(1, len(draft.cited) + 1):
            if f"[{number}]" not in draft.text:
                raise QuoteMismatch(f"citation [{number}] is not used in the answer")
        return [Citation(n, e) for n, e in enumerate(draft.cited, start=1)]


_POSSESSIVE = re.compile(
    r"\b(his|her)\b(?=\s+(?!as\b|to\b|in\b|on\b|at\b|by\b|for\b|from\b|with\b|and\b|or\b)[a-z])",
    re.I,
)
_PERSONAL = re.compile(r"\b(he|she|him|her)\b", re.I)


AGREEING = 0.15
"""A part whose best sentence scores within this of the threshold is answered by it when
another part's answer quotes that very sentence, or when every part's best is that one
sentence: two questions meeting in one sentence."""


def _answered_by(found: Selection, quoted: set[tuple[str, int]], threshold: float) -> bool:
    """The part's best sentence is one another part's answer quotes, and it scores nearly
    enough to answer by itself ("Who chaired the board, and what is her role?": "Dr Jane
    Doe, Officer for … at the board, said:" answers both)."""
    best = found.best
    if best is None or not _near_and_shaped(found, threshold):
        return False
    return (best.document.id, best.start) in quoted


def _near_and_shaped(found: Selection, threshold: float) -> bool:
    """The part's best sentence scores within AGREEING of the threshold, and the part asks
    for a shape (a person, a role, a date, a figure) that sentence itself gives: a part
    asking "what was his salary?" is not answered by the sentence naming him."""
    if not found.scored or found.confidence < threshold - AGREEING:
        return False
    features = max(found.scored, key=lambda c: c.score).features
    return features.get("shaped", 0.0) == 1.0 and features.get("type", 0.0) == 1.0


def _meeting_point(found: list[Selection], threshold: float) -> Evidence | None:
    """The one sentence every part of the question scores best, each nearly enough to
    answer and giving what each asks for: the parts, asked apart, meet in it."""
    bests = {(f.best.document.id, f.best.start) for f in found if f.best is not None}
    near = all(f.best is not None and _near_and_shaped(f, threshold) for f in found)
    return found[0].best if len(found) > 1 and near and len(bests) == 1 else None


def _unanswered_note(parts: list[str]) -> str | None:
    """What a partly answered question's quotes do not answer, said plainly (no quote
    stands behind it, so it carries no citation)."""
    if not parts:
        return None
    asked = "; ".join(f"“{p.strip()}”" for p in parts)
    return f"No passage was found that answers {asked}"


def _named(part: str, people: list[str]) -> str:
    """A later part's "he" or "her" ("and what post did he hold?") is the person the earlier
    part's answer named."""
    if not people:
        return part
    person = people[0]
    part = _POSSESSIVE.sub(f"{person}'s", part)
    return _PERSONAL.sub(person, part)


def _asked(person: str, question: Question) -> bool:
    """The question names the person already ("… Jane Doe's legacy, and what post did he
    hold?"): "he" is someone else, the one the answer names."""
    words = {w.strip("’'").removesuffix("’s").removesuffix("'s").lower() for w in person.split()}
    return bool(words & {n.lower() for n in question.names})


def _shown(evidence: Evidence) -> str:
    """The quote with the context shown before it."""
    context = evidence.context
    return f"{context.quote} {evidence.quote}" if context else evidence.quote


def _with_subject(part: str, question: Question, *, names_only: bool = False) -> str:
    """A later part ("for which organisation?") read with the whole question's words (or
    only its names)."""
    added = question.names if names_only else question.term_words
    return f"{part.rstrip('?')} {' '.join(added)}?"


def _checked(text: str, limit: int) -> str:
    """Refuse empty and oversized questions with a reason."""
    question = " ".join(text.split())
    if not question:
        raise InvalidQuery("the question is empty")
    if len(question) > limit:
        raise InvalidQuery(f"the question is {len(question)} characters; the limit is {limit}")
    return question

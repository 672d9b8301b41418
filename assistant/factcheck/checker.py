"""Check a claim, or every claim of a draft statement, against the records.

Retrieve with the assistant's hybrid searcher, read the passages' sentences as scored
units, decide by the rules of `assistant.factcheck.rules`, explain from the quotes, and
verify every quote against the stored text before it leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np

from assistant.answer.models import Citation
from assistant.answer.select import EvidenceSelector
from assistant.engine import Assistant
from assistant.errors import QuoteMismatch
from assistant.factcheck.claim import Claim, read_claim, with_opening_name
from assistant.factcheck.errors import InvalidClaim
from assistant.factcheck.evidence import Unit, UnitReader, Weights, weigh
from assistant.factcheck.explain import explain
from assistant.factcheck.models import ClaimCheck, DraftCheck
from assistant.factcheck.opposites import held_by_opposites
from assistant.factcheck.report import render_report
from assistant.factcheck.rules import Decision, Rules, decide
from assistant.factcheck.synonyms import held_by_grades, held_by_synonyms
from index import Searcher, SearchHit, Store, sentences_of

MAX_DRAFT_CLAIMS = 100
"""A draft with more sentences than this is refused: split it, or check it in parts."""


def utc_now() -> datetime:
    """The time of a check (a clock parameter lets tests fix it)."""
    return datetime.now(UTC)


class FactChecker:
    """Verdicts on claims over one index: supported, contradicted or not_found, with quotes."""

    def __init__(
        self,
        store: Store,
        searcher: Searcher,
        *,
        rules: Rules | None = None,
        day_first: bool = True,
        top_k: int = 20,
        max_claim_chars: int = 1000,
        max_claims: int = MAX_DRAFT_CLAIMS,
        clock: Callable[[], datetime] = utc_now,
        selector: EvidenceSelector | None = None,
    ) -> None:
        self.store = store
        self.searcher = searcher
        self.rules = rules or Rules()
        self.day_first = day_first
        self.top_k = top_k
        self.max_claim_chars = max_claim_chars
        self.max_claims = max_claims
        self.clock = clock
        self.reader = UnitReader(store, day_first=day_first)
        self.selector = selector  # the answer step's evidence scoring, shared
        if selector is not None and selector.model is not None:
            self.rules = replace(self.rules, meaning=selector.model.threshold)

    @classmethod
    def of(
        cls,
        assistant: Assistant,
        *,
        rules: Rules | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> FactChecker:
        """A checker over an Assistant's index and searcher, with its settings."""
        settings = assistant.settings
        return cls(
            assistant.store,
            assistant.searcher,
            rules=rules,
            day_first=settings.day_first,
            max_claim_chars=settings.max_question_chars,
            clock=clock,
            selector=assistant.answerer.selector,
        )

    def check(self, text: str) -> ClaimCheck:
        """One claim's verdict, explanation and verified citations."""
        claim = read_claim(text, day_first=self.day_first, max_chars=self.max_claim_chars)
        return self._check(claim)

    def _check(self, claim: Claim, vector: np.ndarray | None = None) -> ClaimCheck:
        documents, passages = self.store.counts()
        searched: dict[str, object] = {
            "query": claim.text,
            "terms": list(claim.subject.values()),
            "names": list(claim.names),
            "periods": list(claim.question.period_labels),
            "documents": documents,
            "passages": passages,
            "passages_read": 0,
        }
        if documents == 0:
            decision = Decision("not_found", note="the index is empty (ingest records first)")
            return self._result(claim, decision, searched)
        if vector is None:
            vector = self.searcher.embedder.embed_one(claim.text)
        hits = self.searcher.search(claim.text, top_k=self.top_k, query_vector=vector)
        searched["passages_read"] = len(hits)
        texts = {doc_id: self.store.text(doc_id) for doc_id in {h.document.id for h in hits}}
        claim = with_opening_name(claim, list(texts.values()))
        weights = weigh(self.store, claim, passages)
        units = self.reader.units(claim, weights, hits, vector, texts)
        units = self._with_meaning(claim, vector, hits, passages, units)
        units = self._with_synonyms(claim, weights, units, texts)
        return self._result(claim, decide(claim, weights, units, self.rules), searched)

    def _with_synonyms(
        self, claim: Claim, weights: Weights, units: list[Unit], texts: dict[str, str]
    ) -> list[Unit]:
        """Each unit with the claim's words its grade (`held_by_grades`), opposites
        (`held_by_opposites`) or near synonyms (`held_by_synonyms`) hold."""
        units = held_by_opposites(held_by_grades(units, claim, weights), claim, weights)
        if self.selector is None:
            return units
        words = self.selector.word_vectors

        def page(unit: Unit) -> frozenset[str]:
            doc_id = unit.document.id
            text = texts.get(doc_id) or texts.setdefault(doc_id, self.store.text(doc_id))
            return self.reader.document_words.of(doc_id, text)

        vectors = (lambda w: words.of(w, encode_missing=True), words.of)
        return held_by_synonyms(units, claim.subject, weights, vectors, page)

    def _with_meaning(
        self,
        claim: Claim,
        vector: np.ndarray,
        hits: list[SearchHit],
        passages: int,
        units: list[Unit],
    ) -> list[Unit]:
        """Each sentence unit with the answer step's score for the claim as a question."""
        if self.selector is None:
            return units
        selection = self.selector.select(claim.question, vector, hits, passages)
        scores = {
            (c.document.id, c.sentence.start, c.sentence.end): c.score for c in selection.scored
        }
        scores |= {(e.document.id, e.start, e.end): e.score for e in selection.off_period}
        return [replace(u, meaning=scores.get(u.key, 0.0)) for u in units]

    def check_draft(self, text: str) -> DraftCheck:
        """Every sentence of a draft checked as a claim, with the Markdown fact-check pack."""
        sentences = sentences_of(text)
        if not sentences:
            raise InvalidClaim("the draft holds no sentences to check")
        if len(sentences) > self.max_claims:
            raise InvalidClaim(
                f"the draft holds {len(sentences)} sentences; the limit is {self.max_claims}"
            )
        claims = [
            read_claim(s, day_first=self.day_first, max_chars=self.max_claim_chars)
            for s in sentences
        ]
        vectors = self.searcher.embedder.embed_batch([c.text for c in claims])  # one model call
        checks = [self._check(claim, vector) for claim, vector in zip(claims, vectors, strict=True)]
        documents, passages = self.store.counts()
        draft = DraftCheck(
            checks=checks,
            generation=self.store.generation,
            checked_at=self.clock().astimezone(UTC).isoformat(timespec="seconds"),
            documents=documents,
            passages=passages,
        )
        return replace(draft, report=render_report(draft))

    def _result(self, claim: Claim, decision: Decision, searched: dict[str, object]) -> ClaimCheck:
        explanation, cited = explain(claim, decision, searched)
        citations = self._verified(cited, explanation)
        return ClaimCheck(claim.text, decision.verdict, explanation, citations, searched)

    def _verified(self, cited: list[Unit], explanation: str) -> list[Citation]:
        """Every quote is the stored text at its offsets, every marker used; else a bug."""
        texts: dict[str, str] = {}
        for number, unit in enumerate(cited, start=1):
            doc_id = unit.document.id
            stored = texts.setdefault(doc_id, self.store.text(doc_id))
            if stored[unit.start : unit.end] != unit.quote:
                raise QuoteMismatch(f"quote not verbatim in {doc_id} at {unit.start}")
            if f"[{number}]" not in explanation:
                raise QuoteMismatch(f"citation [{number}] is not used in the explanation")
        return [Citation(n, u.evidence()) for n, u in enumerate(cited, start=1)]

"""Evidence selection: which retrieved sentences answer the question, and which only seem to."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from assistant.answer.glossary import with_synonyms
from assistant.answer.models import Evidence
from assistant.answer.question import Question, stem, stems
from index import SearchHit, Store, date_bounds, find_dates

COMMON_NAME_SHARE = 0.2
"""A name in this share of passages or more (e.g. "Birmingham") is not required nearby."""


@dataclass(frozen=True)
class SelectionRules:
    """Thresholds of selection; defaults come from the settings."""

    min_coverage: float = 0.6
    max_sentences: int = 3
    hits_read: int = 8
    min_words: int = 4
    day_first: bool = True


@dataclass
class Selection:
    """The chosen evidence, and why nothing was chosen when that happens."""

    chosen: list[Evidence] = field(default_factory=list)
    off_period: list[Evidence] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    best_coverage: float = 0.0
    nothing_asked: bool = False


class EvidenceSelector:
    """Scores the sentences of the top passages against the question."""

    def __init__(self, store: Store, rules: SelectionRules | None = None) -> None:
        self.store = store
        self.rules = rules or SelectionRules()

    def select(self, question: Question, hits: list[SearchHit]) -> Selection:
        """Sentences that hold the question's terms, names and period, best first."""
        selection = Selection()
        if not question.terms and not question.periods:
            selection.nothing_asked = True
            return selection
        total = max(self.store.counts()[1], 1)
        name_share = {n: self.store.term_frequency(n.lower()) / total for n in question.names}
        selection.unknown_names = [n for n, share in name_share.items() if share == 0]
        if selection.unknown_names:
            return selection
        required = [n for n, share in name_share.items() if share < COMMON_NAME_SHARE]
        weights = self._weights(question, total)
        candidates: list[Evidence] = []
        seen: set[tuple[str, int]] = set()
        for rank, hit in enumerate(hits[: self.rules.hits_read]):
            if not all(stem(n) in with_synonyms(stems(hit.text)) for n in required):
                continue
            bonus = 0.1 * (1 - rank / self.rules.hits_read)
            for evidence in self._sentences(question, hit, weights, bonus, seen):
                if evidence.coverage < self.rules.min_coverage:
                    continue
                if _in_period(question, evidence):
                    candidates.append(evidence)
                else:
                    selection.off_period.append(evidence)
        selection.best_coverage = max((c.coverage for c in candidates), default=0.0)
        selection.chosen = self._choose(question, candidates)
        return selection

    def _weights(self, question: Question, total: int) -> dict[str, float]:
        """Rarer terms weigh more (a smoothed inverse passage frequency)."""
        return {
            term: math.log(1 + (total + 1) / (self.store.term_frequency(word.lower()) + 1))
            for term, word in zip(question.terms, question.term_words, strict=True)
        }

    def _sentences(
        self,
        question: Question,
        hit: SearchHit,
        weights: dict[str, float],
        bonus: float,
        seen: set[tuple[str, int]],
    ) -> list[Evidence]:
        chunk = hit.chunk
        found = []
        for sentence in self.store.sentences(
            chunk.doc_id, chunk.first_sentence, chunk.last_sentence
        ):
            key = (sentence.doc_id, sentence.ord)
            if key in seen:
                continue
            seen.add(key)
            quote = hit.text[sentence.start - chunk.start : sentence.end - chunk.start]
            if len(quote.split()) < self.rules.min_words:
                continue
            coverage = _coverage(weights, with_synonyms(stems(quote)))
            dates = tuple(m.value for m in find_dates(quote, day_first=self.rules.day_first))
            when = 0.1 if question.asks_when and dates else 0.0
            found.append(
                Evidence(
                    document=hit.document,
                    quote=quote,
                    start=sentence.start,
                    end=sentence.end,
                    page=sentence.page,
                    score=coverage + bonus + when,
                    coverage=coverage,
                    dates=dates,
                )
            )
        return found

    def _choose(self, question: Question, candidates: list[Evidence]) -> list[Evidence]:
        """The best sentence, and others nearly as good; no repeats."""
        ranked = sorted(candidates, key=lambda e: -e.score)
        if not ranked:
            return []
        best = ranked[0]
        chosen = [best]
        for other in ranked[1:]:
            if len(chosen) >= self.rules.max_sentences:
                break
            if other.quote in {c.quote for c in chosen}:
                continue
            if other.coverage < best.coverage - 0.15 or other.score < 0.85 * best.score:
                continue
            if question.asks_when and best.dates and not other.dates:
                continue
            chosen.append(other)
        return chosen


def _coverage(weights: dict[str, float], sentence_stems: set[str]) -> float:
    """Share of the question's term weight the sentence holds (1.0 for a term-less question)."""
    total = sum(weights.values())
    if total == 0:
        return 1.0
    return sum(w for term, w in weights.items() if term in sentence_stems) / total


def _in_period(question: Question, evidence: Evidence) -> bool:
    """Whether the sentence (or, lacking dates, its document) overlaps a period asked for."""
    if not question.periods:
        return True
    spans = [date_bounds(d) for d in evidence.dates]
    if not spans and evidence.document.date:
        spans = [date_bounds(evidence.document.date)]
    return any(
        start <= p_end and p_start <= end
        for start, end in spans
        for p_start, p_end in question.periods
    )

"""Evidence selection: which retrieved sentences answer the question, and which only seem to."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from assistant.answer.glossary import with_synonyms
from assistant.answer.models import Evidence
from assistant.answer.question import EARLIEST, LATEST, PRECISION, Question, stem, stems
from index import SearchHit, Store, date_bounds, dated_spans, find_dates

COMMON_NAME_SHARE = 0.2
"""A name in this share of passages or more (e.g. "Birmingham") is not required."""

HEADING_WORDS = 12
"""A line this short with no closing punctuation is a heading, not a statement."""

_CLOSES = (".", "!", "?", "…", '"', "”", "’", "'", ")")
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|dozen|half|none|no one|all|every)\b",
    re.I,
)


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
    nothing_asked: bool = False
    passages_read: int = 0


class EvidenceSelector:
    """Scores the sentences of the top passages against the question."""

    def __init__(self, store: Store, rules: SelectionRules | None = None) -> None:
        self.store = store
        self.rules = rules or SelectionRules()

    def select(self, question: Question, hits: list[SearchHit], passages: int) -> Selection:
        """Sentences that hold the question's terms, names and period, best first."""
        selection = Selection()
        if not question.terms and not question.periods:
            selection.nothing_asked = True
            return selection
        total = max(passages, 1)
        share = {n: self.store.term_frequency(n.lower()) / total for n in question.names}
        selection.unknown_names = [n for n, s in share.items() if s == 0]
        if selection.unknown_names:
            return selection
        required = {stem(n) for n, s in share.items() if s < COMMON_NAME_SHARE}
        weights = self._weights(question, total)
        read = hits[: self.rules.hits_read]
        selection.passages_read = len(read)
        candidates: list[Evidence] = []
        seen: set[tuple[str, int]] = set()
        for rank, hit in enumerate(read):
            bonus = 0.1 * (1 - rank / self.rules.hits_read)
            for evidence, sentence_stems in self._sentences(question, hit, weights, bonus, seen):
                if not self._answers(question, evidence, sentence_stems, required):
                    continue
                if _in_period(question, evidence):
                    candidates.append(evidence)
                else:
                    selection.off_period.append(evidence)
        selection.chosen = self._choose(question, candidates)
        return selection

    def _weights(self, question: Question, total: int) -> dict[str, float]:
        """Rarer terms weigh more (a smoothed inverse passage frequency)."""
        return {
            term: math.log(1 + (total + 1) / (self.store.term_frequency(word.lower()) + 1))
            for term, word in zip(question.terms, question.term_words, strict=True)
        }

    def _answers(
        self, question: Question, evidence: Evidence, sentence_stems: set[str], required: set[str]
    ) -> bool:
        """Enough of the terms, every uncommon name, and a number if one is asked for."""
        if evidence.coverage < self.rules.min_coverage or not required <= sentence_stems:
            return False
        return not question.asks_number or _states_a_number(evidence.quote, self.rules.day_first)

    def _sentences(
        self,
        question: Question,
        hit: SearchHit,
        weights: dict[str, float],
        bonus: float,
        seen: set[tuple[str, int]],
    ) -> list[tuple[Evidence, set[str]]]:
        """The passage's statements (not headings), scored; each sentence once per question."""
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
            if is_heading(quote, hit.document.title) or len(quote.split()) < self.rules.min_words:
                continue
            sentence_stems = with_synonyms(stems(quote))
            coverage = _coverage(weights, sentence_stems)
            mentions = sentence_dates(quote, hit.document.date, self.rules.day_first)
            when = 0.1 if question.asks_when and mentions else 0.0
            evidence = Evidence(
                document=hit.document,
                quote=quote,
                start=sentence.start,
                end=sentence.end,
                page=sentence.page,
                score=coverage + bonus + when,
                coverage=coverage,
                dates=tuple(value for value, _ in mentions),
                precisions=tuple(precision for _, precision in mentions),
            )
            found.append((evidence, sentence_stems))
        return found

    def _choose(self, question: Question, candidates: list[Evidence]) -> list[Evidence]:
        """The best sentence, and others nearly as good; no repeats."""
        ranked = sorted(candidates, key=lambda e: -e.score)
        if not ranked:
            return []
        best = ranked[0]
        if question.asks_latest:
            close = [e for e in ranked if e.coverage >= best.coverage - 0.15]
            return [max(close, key=lambda e: (latest_date(e), e.score))]
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


def sentence_dates(quote: str, anchor: str | None, day_first: bool) -> list[tuple[str, int]]:
    """(value, precision) of each date the sentence gives, relative ones ("last month")
    resolved against its document's date as the indexer does."""
    found = []
    for span in dated_spans(quote, anchor, day_first=day_first):
        if span.precision in PRECISION:
            value = span.first[: {"year": 4, "month": 7}.get(span.precision, 10)]
            found.append((value, PRECISION[span.precision]))
        elif span.precision == "range":
            found += [(span.first[:7], 2), (span.last[:7], 2)]
    return found


def latest_date(evidence: Evidence) -> str:
    """The latest day a sentence speaks of (its own dates, else its document's)."""
    dates = evidence.dates or ((evidence.document.date,) if evidence.document.date else ())
    return max((date_bounds(d)[1] for d in dates), default="")


def earliest_date(evidence: Evidence) -> str:
    """The earliest day a sentence speaks of (its own dates, else its document's)."""
    dates = evidence.dates or ((evidence.document.date,) if evidence.document.date else ())
    return min((date_bounds(d)[0] for d in dates), default="9999")


def _states_a_number(quote: str, day_first: bool) -> bool:
    """A count or figure in the sentence, not counting the digits of its dates."""
    for mention in reversed(find_dates(quote, day_first=day_first)):
        quote = quote[: mention.start] + quote[mention.end :]
    return bool(_NUMBER.search(quote))


def is_heading(quote: str, title: str) -> bool:
    """Titles and short unpunctuated lines name a subject; they state nothing."""
    if quote.strip() == title.strip():
        return True
    return len(quote.split()) <= HEADING_WORDS and not quote.rstrip().endswith(_CLOSES)


def _coverage(weights: dict[str, float], sentence_stems: set[str]) -> float:
    """Share of the question's term weight the sentence holds (1.0 for a term-less question)."""
    total = sum(weights.values())
    if total == 0:
        return 1.0
    return sum(w for term, w in weights.items() if term in sentence_stems) / total


def _in_period(question: Question, evidence: Evidence) -> bool:
    """Whether the sentence (or, lacking dates, its document) falls in the periods asked.

    Periods from "in X or Y" are alternatives; open-ended ones ("since X") all apply.

    A date less precise than the one asked ("2010" for "December 2010") does not count.
    """
    if not question.periods:
        return True
    spans = [(*date_bounds(d), p) for d, p in zip(evidence.dates, evidence.precisions, strict=True)]
    if not spans and evidence.document.date:
        spans = [(*date_bounds(evidence.document.date), _precision_of(evidence.document.date))]
    test = all if any(p.start == EARLIEST or p.end == LATEST for p in question.periods) else any
    return test(
        any(
            start <= p.end and p.start <= end and precision >= p.precision
            for start, end, precision in spans
        )
        for p in question.periods
    )


def _precision_of(value: str) -> int:
    """Precision of a normalised date by its shape."""
    return {4: 1, 7: 2}.get(len(value), 3)


__all__ = ["EvidenceSelector", "Selection", "SelectionRules"]

"""The timeline: dated statements in order, each with its citations; one event per fact,
however many documents report it."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer.candidates import is_heading
from assistant.answer.glossary import Glossary, expansions, with_synonyms
from assistant.answer.question import STOPWORDS
from assistant.answer.tokens import stem, stems
from index import DatedSentence, Filters, Store

SAME_EVENT = 0.35
"""Two sentences on the same period with this word overlap (Jaccard) report one event."""
_MONTH_WORDS = frozenset(
    stem(m)
    for m in [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


@dataclass
class TimelineEvent:
    """A dated statement: the period, how it was read, and every sentence that reports it."""

    first: str
    last: str
    precision: str
    label: str
    approximate: bool
    reports: list[DatedSentence] = field(default_factory=list)

    @property
    def date(self) -> str:
        """The period's start in ISO 8601 at its precision, so clients can sort on it."""
        return iso_period(self.first, self.last, self.precision)

    @property
    def statement(self) -> str:
        """The words of the first report (verbatim)."""
        return self.reports[0].text

    def as_dict(self) -> dict[str, object]:
        """JSON: the period (ISO `date`, human `label`, bounds), the statement, the citations."""
        return {
            "date": self.date,
            "label": self.label,
            "first": self.first,
            "last": self.last,
            "precision": self.precision,
            "approximate": self.approximate,
            "statement": self.statement,
            "citations": [
                {
                    "id": n,
                    "quote": r.text,
                    "start": r.start,
                    "end": r.end,
                    "page": r.page,
                    "document": r.document.as_dict(),
                }
                for n, r in enumerate(self.reports, start=1)
            ],
        }


def iso_period(first: str, last: str, precision: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD: where the period starts, no finer than it was written."""
    if precision in {"day", "week"}:
        return first
    whole_years = first[5:] == "01-01" and last[5:] == "12-31"
    if precision == "year" or (precision == "range" and whole_years):
        return first[:4]
    if precision in {"month", "season"} or first[8:] == "01":
        return first[:7]
    return first


def timeline(
    store: Store,
    filters: Filters,
    *,
    since: str | None = None,
    until: str | None = None,
    about: str | None = None,
) -> list[TimelineEvent]:
    """Events in date order whose period overlaps [since, until], optionally about some words."""
    pairs = expansions(store.acronyms())
    wanted = _content(about, pairs) if about else set()
    events: list[TimelineEvent] = []
    for row in store.dated_sentences(Filters(kind=filters.kind), since, until):
        words = _content(row.text, pairs)
        if is_heading(row.text, row.document.title) or (wanted and not wanted <= words):
            continue
        _merge(events, row, words, pairs)
    return events


def _merge(
    events: list[TimelineEvent],
    row: DatedSentence,
    words: set[str],
    pairs: Glossary,
) -> None:
    """Add a report to the event it repeats (same period, same words), else a new event."""
    for event in reversed(events):
        if (event.first, event.last) != (row.first, row.last):
            if event.first < row.first:
                break
            continue
        if any(r.document.id == row.document.id and r.ord == row.ord for r in event.reports):
            return
        if any(_overlap(words, _content(r.text, pairs)) >= SAME_EVENT for r in event.reports):
            event.reports.append(row)
            return
    events.append(
        TimelineEvent(row.first, row.last, row.precision, row.label, row.approximate, [row])
    )


def _content(text: str, pairs: Glossary) -> set[str]:
    """Content-word stems (acronyms expanded), for comparing sentences."""
    return {
        s
        for s in with_synonyms(stems(text), pairs)
        if s not in STOPWORDS and s not in _MONTH_WORDS and not s.isdigit()
    }


def _overlap(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two sentences' words."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)

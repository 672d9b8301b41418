"""Compose: evidence in, cited sentences out. Extractive by default.

One fact reported by several records becomes one quote with several citations; the most
direct sentence leads (for a "when" question too), unless the question spans time, when
quotes go in date order. A
list or summary question gets bullets in the order of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from assistant.answer.intent import names_in
from assistant.answer.models import Evidence
from assistant.answer.periods import earliest, relative_phrase
from assistant.answer.question import STOPWORDS, Question, asks_its_date
from assistant.answer.tokens import stem, words
from index import DatedSpan, date_bounds, dated_spans, find_dates, format_date

SAME_FACT = 0.85
"""Cosine above which two sentences with the same figures, dates and names state one fact."""

_KIND_LABEL = {
    "press_release": "the press release",
    "scr_recommendation": "the review record",
    "action_plan_note": "the action-plan note",
    "other": "the record",
}
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_SPANS_TIME = re.compile(
    r"\b(since|over the|between|history|timeline|progress|changed?|over time|years?)\b", re.I
)


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
    """Quotes each fact once, verbatim, with every record that states it cited."""

    def write(self, question: Question, evidence: list[Evidence]) -> Draft:
        """One quoted statement per fact, each followed by its [n] markers."""
        groups = same_facts(evidence)
        listed = question.kind in ("list", "summary")
        shared = _shared_heading(groups, question) if listed else ""
        if not listed and _spans_time(question):
            groups.sort(key=lambda g: earliest(g[0].dates, g[0].document.date))
        cited: list[Evidence] = []
        quoted = {(e.document.id, e.start) for e in evidence}
        lines = [shared.rstrip()] if shared else []
        for group in groups:
            first = len(cited) + 1
            cited += group
            marks = "".join(f"[{n}]" for n in range(first, len(cited) + 1))
            lead = group[0]
            line = f"{'' if shared else _lead(lead, question)}{_shown(lead, quoted)} {marks}"
            lines.append(f"- {line}" if listed else line)
        return Draft(text=("\n" if listed else " ").join(lines), cited=cited)


def _shared_heading(groups: list[list[Evidence]], question: Question) -> str:
    """The lead ("In the record of …, under “… including:”:") said once above items of one
    list, when every quote is an item under the same heading."""
    heads = {
        (g[0].document.id, g[0].context.start)
        for g in groups
        if g[0].context is not None and g[0].context.role == "heading"
    }
    every = all(g[0].context is not None for g in groups)
    if len(groups) < 2 or len(heads) != 1 or not every:
        return ""
    return _lead(groups[0][0], question)


def same_facts(evidence: list[Evidence]) -> list[list[Evidence]]:
    """Evidence grouped by the fact it states, in the order given (best first)."""
    groups: list[list[Evidence]] = []
    for item in evidence:
        for group in groups:
            if _same_fact(group[0], item):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def _same_fact(a: Evidence, b: Evidence) -> bool:
    """Same figures, dates and names, and close in meaning."""
    if a.document.id == b.document.id or _facts(a.quote) != _facts(b.quote):
        return False
    if a.vector is None or b.vector is None:
        return a.quote == b.quote
    return float(np.dot(a.vector, b.vector)) >= SAME_FACT


def _facts(quote: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The figures, dates and names a sentence states."""
    dates = frozenset(m.value for m in find_dates(quote))
    figures = frozenset(_FIGURE.findall(quote)) - {d[:4] for d in dates}
    names = frozenset(stem(n) for n in names_in(quote))
    return figures, dates, names


def _shown(evidence: Evidence, quoted: set[tuple[str, int]]) -> str:
    """The quote, after the previous sentence (or who speaks it) when the answer needs it
    and does not show that sentence already."""
    context = evidence.context
    if context is None or context.role not in ("previous", "speaker", "named"):
        return evidence.quote
    if (evidence.document.id, context.start) in quoted:
        return evidence.quote
    quoted.add((evidence.document.id, context.start))  # shown once: the next quote follows
    gap = " … " if context.role in ("speaker", "named") else " "  # from paragraphs above
    return f"{context.quote}{gap}{evidence.quote}"


def _lead(evidence: Evidence, question: Question) -> str:
    """Where the quote sits and which date it speaks of, when the sentence does not say."""
    context = evidence.context
    under = f"Under “{context.quote}”: " if context and context.role == "heading" else ""
    document = evidence.document
    if question.asks_when and document.date and asks_its_date(question, document.title):
        label = _KIND_LABEL.get(document.kind, "the record")
        return f"{format_date(document.date)}, the date of {label} “{document.title}”: {under}"
    if evidence.dates:
        when = _event_date(evidence, question) if question.asks_when else None
        return f"{when}: {under}" if when else under
    if evidence.date_source == "none" and question.periods:
        return f"In an undated record that mentions {question.periods[0].label}: {under}"
    if evidence.date_source == "file" and question.periods:
        return f"In an undated record whose file name gives {question.periods[0].label}: {under}"
    if evidence.date_source == "nowhere" and question.periods:
        return f"In an undated record that names no year: {under}"
    if evidence.date_source == "relative" and question.periods:
        phrase = relative_phrase(evidence.quote, day_first=True)  # relative words: no order
        if phrase:
            return f"In an undated record, so its “{phrase}” cannot be placed: {under}"
        return f"In an undated record: {under}"
    if not document.date or evidence.date_source == "heading":
        return under
    label = _KIND_LABEL.get(document.kind, "the record")
    where = f"In {label} of {format_date(document.date)}"
    return f"{where}, under “{context.quote}”: " if under and context else f"{where}: "


def _event_date(evidence: Evidence, question: Question) -> str | None:
    """The date written nearest the question's words (not the document's own date)."""
    spans = dated_spans(evidence.quote, _counted_from(evidence))
    published = date_bounds(evidence.document.date)[0] if evidence.document.date else None
    if len(spans) > 1 and published:  # "the statement of 12 March 2010 recorded …"
        spans = [s for s in spans if s.first != published] or spans
    figures = [
        m.start()
        for m in _FIGURE.finditer(evidence.quote)
        if re.search(rf"(?<![\d.,]){re.escape(m.group())}(?![\d.,]\d)", question.text)
        and not any(s.start <= m.start() < s.end for s in spans)
    ]  # "at 20 per cent": the figure asked about, not a date's year
    written = spans
    spans = [s for s in spans if _placed_in(s, question)]
    anchors = [start for start, _, word in words(evidence.quote) if stem(word) in question.terms]
    anchors += figures
    if not spans or not anchors:
        return None
    breaks = [
        m
        for m in _CLAUSE_BREAK.finditer(evidence.quote)
        if not any(s.start <= m.start() < s.end for s in written)
    ]  # not the "and" of "20 and 21 February"
    clauses = [m.end() for m in breaks]

    def clause(at: int) -> int:
        return sum(end <= at for end in clauses)

    verbs = _verbs_asked(question)
    done = {
        start for start, _, word in words(evidence.quote) if stem(word) in verbs
    }  # "rated" in "When was the trust rated inadequate?": the clause saying what was done

    nearest = min(
        spans,
        key=lambda s: (
            -sum(clause(a) == clause(s.start) for a in done),
            -sum(clause(a) == clause(s.start) for a in anchors),
            min(abs(s.start - a) for a in anchors),
        ),
    )
    if not any(clause(a) == clause(nearest.start) for a in anchors) and not _only_a_date(
        evidence.quote, nearest, breaks
    ):
        return None  # "… taken over in April, after … rated inadequate in 2018"
    return nearest.label


def _only_a_date(quote: str, span: DatedSpan, breaks: list[re.Match[str]]) -> bool:
    """The span's clause says nothing but when ("In April 2010, the rate …"): it dates the
    clause it leads into, though that clause holds the question's words."""
    start = max((m.end() for m in breaks if m.end() <= span.start), default=0)
    end = min((m.start() for m in breaks if m.start() >= span.end), default=len(quote))
    rest = quote[start : span.start] + " " + quote[span.end : end]
    return sum(w.lower() not in STOPWORDS | _DATE_FRAME for _, _, w in words(rest)) <= 1


_DATE_FRAME = frozenset({"beginning", "start", "end", "early", "late", "middle", "mid"})


_ASKED_PRECISION = re.compile(r"\b(?:what|which)\s+(day|date|month|year)s?\b", re.I)
_SPAN_PRECISION = {"day": 3, "week": 3, "month": 2, "season": 2, "year": 1, "range": 1}


def _placed_in(span: DatedSpan, question: Question) -> bool:
    """The span lies in the periods asked ("in which month of 2010") and is as precise as
    asked ("which month" is not answered by a year)."""
    if question.periods and not any(
        p.start <= span.last and span.first <= p.end for p in question.periods
    ):
        return False
    asked = _ASKED_PRECISION.search(question.text)
    if asked is None:
        return True
    wanted = {"day": 3, "date": 3, "month": 2, "year": 1}[asked.group(1).lower()]
    return _SPAN_PRECISION.get(span.precision, 1) >= min(wanted, 2)


def _verbs_asked(question: Question) -> frozenset[str]:
    """The question's words in a past form ("rated", "judged"): what it asks was done."""
    return frozenset(
        term
        for term, word in zip(question.terms, question.term_words, strict=True)
        if len(word) > 4 and word.lower().endswith("ed")
    )


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s(?:and|but|although|while|whereas)\s(?!\d)")
"""Where one clause of a sentence ends: a date answers the clause holding the question's
words ("did not start until April 2017 and was rated inadequate in 2018")."""


def _counted_from(evidence: Evidence) -> str | None:
    """The date the quote's relative words ("three months ago") count from: the date the
    sentence shown before it gives ("In November 2009 the Minister said: “…"), else the
    record's own (a quotation it opens runs on into the quote)."""
    context = evidence.context
    if context is not None and context.role == "previous" and _left_open(context.quote):
        given = [s for s in dated_spans(context.quote, None) if s.precision in ("day", "month")]
        if given:
            return given[-1].first
    return evidence.document.date


def _left_open(sentence: str) -> bool:
    """The sentence opens a quotation it does not close."""
    return sentence.count("“") > sentence.count("”")


def _spans_time(question: Question) -> bool:
    """A question about a stretch of time wants its quotes in date order."""
    open_ended = any(p.start[:4] == "0001" or p.end[:4] == "9999" for p in question.periods)
    return open_ended or len(question.periods) > 1 or bool(_SPANS_TIME.search(question.text))

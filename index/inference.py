"""Guess a title and a publication date when no sidecar or front matter gives them."""

from __future__ import annotations

import re

from index.dates import find_dates
from index.models import PAGE_BREAK, CleanText, DateMention
from index.sentences import split_sentences

__all__ = ["infer_date", "infer_title"]

_TITLE_MAX_WORDS = 20
_SENTENCE_TITLE_WORDS = 12
_LEAD_LINES = 8  # a publication date sits in the first few non-blank lines
_DATELINE_MAX_WORDS = 12
_DATELINE = re.compile(
    r"^\s*(?:by\b.{0,60}?\bon|(?:published|posted|dated?|issued)(?:\s+on)?\s*:?)\s+(?P<rest>.*)$",
    re.IGNORECASE,
)
_DATE_ONLY_EDGES = " \t.,;:()[]"


def infer_title(clean: CleanText) -> str | None:
    """Name a document by its heading, or by its opening words when it has none."""
    if not clean.paragraphs:
        return None
    first = clean.paragraphs[0]
    heading = clean.text[first.start : first.end]
    if len(heading.split()) <= _TITLE_MAX_WORDS and not heading.endswith("."):
        return heading
    sentence = split_sentences(CleanText(clean.text, [first]))[0]
    words = clean.text[sentence.start : sentence.end].split()
    if len(words) <= _SENTENCE_TITLE_WORDS:
        return " ".join(words)
    return " ".join(words[:_SENTENCE_TITLE_WORDS]) + "…"


def infer_date(raw_text: str, *, day_first: bool = True) -> str | None:
    """Date a document from its byline, else from a short date line near its top.

    Only lines that stand alone count: a hard-wrapped sentence that happens to
    mention a date ("by the Cabinet on 15 June 2010 in full ...") is not a dateline.
    """
    lines = _standalone_lead_lines(raw_text, day_first)
    for line in lines:
        match = _DATELINE.match(line)
        found = _best(find_dates(match["rest"], day_first=day_first)) if match else None
        if found is not None:
            return found
    for line in lines:
        found = _best(find_dates(line, day_first=day_first))
        if found is not None:
            return found
    return None


def _standalone_lead_lines(raw_text: str, day_first: bool) -> list[str]:
    """The short lines among the first few that are a paragraph, or a date, on their own."""
    text = raw_text.replace("\r\n", "\n").replace("\r", "\n").replace(PAGE_BREAK, "\n")
    lines = [line.strip() for line in text.split("\n")]
    kept: list[str] = []
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > _LEAD_LINES:
            break
        if len(line.split()) > _DATELINE_MAX_WORDS:
            continue
        alone = (index == 0 or not lines[index - 1]) and (
            index + 1 == len(lines) or not lines[index + 1]
        )
        if alone or _is_date_only(line, day_first):
            kept.append(line)
    return kept


def _is_date_only(line: str, day_first: bool) -> bool:
    """A line that is nothing but a date is a dateline even without blank lines around it."""
    core = line.strip(_DATE_ONLY_EDGES)
    mentions = find_dates(core, day_first=day_first)
    return len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(core)


def _best(mentions: list[DateMention]) -> str | None:
    """Prefer the first day-precise mention, then the first month; years are too vague."""
    for precision in ("day", "month"):
        for mention in mentions:
            if mention.precision == precision:
                return mention.value
    return None

"""Guess a title and a publication date when no sidecar or front matter gives them."""

from __future__ import annotations

import re

from index.dates import find_dates
from index.models import CleanText, DateMention
from index.sentences import split_sentences

__all__ = ["infer_date", "infer_title"]

_TITLE_MAX_WORDS = 20
_SENTENCE_TITLE_WORDS = 12
_LEAD_CHARS = 600
_DATELINE_MAX_WORDS = 15
_DATELINE = re.compile(
    r"^\s*(?:by\b.{0,60}?\bon|(?:published|posted|dated?|issued)(?:\s+on)?\s*:?)\s+(?P<rest>.*)$",
    re.IGNORECASE | re.MULTILINE,
)


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
    """Date a document from its byline, else from the first date near its top."""
    dated = _dateline_date(raw_text, day_first)
    if dated is not None:
        return dated
    mentions = find_dates(raw_text[:_LEAD_CHARS], day_first=day_first)
    return _best(mentions)


def _dateline_date(raw_text: str, day_first: bool) -> str | None:
    """Read the date on a short "By ... on", "Published" or "Posted" line."""
    for match in _DATELINE.finditer(raw_text):
        if len(match.group().split()) >= _DATELINE_MAX_WORDS:
            continue
        found = _best(find_dates(match["rest"], day_first=day_first))
        if found is not None:
            return found
    return None


def _best(mentions: list[DateMention]) -> str | None:
    """Prefer the first day-precise mention, then the first month; years are too vague."""
    for precision in ("day", "month"):
        for mention in mentions:
            if mention.precision == precision:
                return mention.value
    return None

"""Split cleaned paragraphs into sentences whose offsets quote the text exactly."""

from __future__ import annotations

import re

from index.models import CleanText, Paragraph, SentenceSpan

__all__ = ["split_sentences"]

_END = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s)")
_OPENERS = "“‘\"'("
_LEADING_PUNCT = "“‘\"'(["
_TITLE_ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Cllr",
        "Prof",
        "Rev",
        "St",
        "No",
        "Nos",
        "Co",
        "Ltd",
        "Inc",
        "Jr",
        "Sr",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Gov",
        "Dept",
        "Fig",
    ]
)
_ANY_CASE_ABBREVIATIONS = frozenset(
    ["vs", "etc", "e.g", "i.e", "eg", "ie", "a.m", "p.m", "approx", "cf", "viz"]
)
_REFERENCE_ABBREVIATIONS = frozenset(
    {"para", "paras", "pp", "p", "vol", "vols", "ref", "refs", "cf", "ch", "sec", "art", "fig"}
    | {"figs", "no"}
)  # "para. 5", "pp. 12-14": a number follows, the sentence goes on
_DOTTED_SHORT_FORM = re.compile(r"(?:[A-Z]\.)+[A-Z]|(?i:[ap]\.m)")  # U.K., U.S.A., a.m., p.m.
_SENTENCE_STARTERS = frozenset(
    {"The", "A", "An", "It", "Its", "This", "That", "These", "Those", "He", "She", "They", "We"}
    | {"I", "There", "Then", "But", "However"}
)  # after "p.m." or "U.K." only these safely open a new sentence
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def split_sentences(clean: CleanText) -> list[SentenceSpan]:
    """Give citations whole sentences: never across paragraphs, never cut at abbreviations."""
    spans: list[SentenceSpan] = []
    for paragraph in clean.paragraphs:
        spans.extend(_paragraph_sentences(clean, paragraph))
    return spans


def _paragraph_sentences(clean: CleanText, paragraph: Paragraph) -> list[SentenceSpan]:
    """Cut one paragraph at every real sentence end; its end always closes a sentence."""
    text = clean.text
    cuts = [
        match.end()
        for match in _END.finditer(text, paragraph.start, paragraph.end)
        if _is_boundary(text, match, paragraph.end)
    ]
    spans: list[SentenceSpan] = []
    start = paragraph.start
    for end in [*cuts, paragraph.end]:
        span = _trimmed(text, start, end)
        if span is not None:
            spans.append(SentenceSpan(span[0], span[1], paragraph.number, clean.page_at(span[0])))
        start = end
    return spans


def _is_boundary(text: str, match: re.Match[str], limit: int) -> bool:
    """Accept a stop only before a sentence-like start and after a non-abbreviation."""
    following = text[match.end() : limit].lstrip()
    if not following or not _starts_sentence(following[0]):
        return False
    if not match.group().startswith(".") or len(match.group().rstrip("”’\"')]")) > 1:
        return True
    word = _word_before(text, match.start())
    if _DOTTED_SHORT_FORM.fullmatch(word):
        return _first_word(following) in _SENTENCE_STARTERS
    if word.lower() in _REFERENCE_ABBREVIATIONS and following[0].isdigit():
        return False
    return not _is_abbreviation(word)


def _first_word(following: str) -> str:
    """The next word, past any opening quote, to judge whether a new sentence begins."""
    match = _FIRST_WORD.match(following.lstrip(_LEADING_PUNCT))
    return match.group() if match else ""


def _starts_sentence(char: str) -> bool:
    """A new sentence opens with a capital, a digit, an opening quote or a bracket."""
    return char.isupper() or char.isdigit() or char in _OPENERS


def _word_before(text: str, position: int) -> str:
    """Return the token that a full stop at `position` closes, minus opening punctuation."""
    start = position
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:position].lstrip(_LEADING_PUNCT)


def _is_abbreviation(word: str) -> bool:
    """Titles, months, Latin shorthands and initials end in a dot but not a sentence."""
    if word in _TITLE_ABBREVIATIONS or word.lower() in _ANY_CASE_ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isupper()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink [start, end) past surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None

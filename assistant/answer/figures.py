"""Whether a sentence gives the figure a "how many / how much / how long" question asks for.

A number anywhere is not enough: "How many recommendations?" wants a count of
recommendations, "how much" an amount of money, "how long" a duration, "what percentage" a
share. The unit is read from the question's wording, so it carries to any records.
"""

from __future__ import annotations

import re

from assistant.answer.tokens import stem
from index import MONTH_NAME, find_dates

_NUMERAL = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|dozen|several|all|both|none|half)"
)
_ANY = re.compile(rf"\b{_NUMERAL}\b|(?<=[£$€])\d[\d,.]*(?:m|bn|k)\b", re.I)  # "£10m"
_UNITS = {
    "money": re.compile(
        rf"[£$€]\s?\d|\b{_NUMERAL}\s*(million|billion|bn|m|k|pounds?|pence)\b", re.I
    ),
    "duration": re.compile(
        rf"\b{_NUMERAL}[\s-]+(?:\w+[\s-]+)?(hours?|days?|nights?|weeks?|months?|years?|decades?|pages?)\b"
        r"(?![\s-]+old\b)",  # "a two-year-old" gives an age, not how long
        re.I,
    ),
    "share": re.compile(
        rf"\b{_NUMERAL}\s*(%|per ?cent)|\b(half|third|quarter|majority|minority)\b|"
        rf"\b{_NUMERAL} (of|in|out of) (the )?{_NUMERAL}\b|%",
        re.I,
    ),
    "age": re.compile(
        rf"\b{_NUMERAL}[\s-]+(years?|months?|weeks?)[\s-]+old\b|\baged\s+(\d|{_NUMERAL}\b)", re.I
    ),
}
_HOW_MANY = re.compile(
    r"\bhow many\s+(?:of\s+(?:the|its|their|these|those)\s+)?((?:[\w'’-]+\s+){0,5}[\w'’-]+)",
    re.I,
)
_PLURAL = re.compile(r"[a-z][a-z-]{2,}[^siu'’\W]s")
"""A plural common noun ("recommendations"): the head that ends what "how many" counts."""


def _heads(said: list[str], at: int) -> bool:
    """The word at `at` is a plural ending its noun phrase: no plural noun it qualifies
    follows ("recommendations relate", "inspectors came"; not "sports halls")."""
    if not _PLURAL.fullmatch(said[at]) or said[at] in _FUNCTION_WORDS:
        return False
    following = said[at + 1].lower() if at + 1 < len(said) else ""
    return not (_PLURAL.fullmatch(following) and following not in _FUNCTION_WORDS)


_AUXILIARIES = frozenset(
    "did do does was were is are has have had will would can could should".split()  # noqa: SIM905
)
"""Where the thing counted ends: "How many Serious Case Review recommendations did …"."""
_UNIT_OF_QUESTION = (
    ("age", re.compile(r"\bhow old\b|\bwhat age\b", re.I)),  # first: its question word
    ("duration", re.compile(r"\bhow long\b", re.I)),  # decides ("how long … spend")
    (
        "money",
        re.compile(
            r"\bhow much (money|funding)\b|\bcost|budget|\bgrants?\b|\bmillion\b|\bpounds\b|"
            r"\bfunding|\bpaid\b|\bpay\b|\bspen[dt]|\bsalar(?:y|ies)\b|\bwages?\b|\bfees?\b|"
            r"\bearn(?:s|ed|ing)?\b|\bhow much\b(?:\s+[\w'’]+){0,6}?\s+(?:commit|pledge|invest|"
            r"allocate|award|donate|borrow|raise)(?:s|d|ed|ted)?\b",
            re.I,
        ),
    ),
    ("share", re.compile(r"\b(percentage|proportion|share|rate|per cent)\b", re.I)),
)
_WINDOW = 4
_MEASURE = re.compile(
    r"(years?|months?|weeks?|days?|hours?|decades?|per|percent|%|pence|pounds?|million|"
    r"billion|[\w-]*(year|month|week|day)(-old)?)",
    re.I,
)
_FUNCTION_WORDS_TEXT = """
    a an the of in on at to by for from with and or are is was were be been being did do
    does has have had there their its it they them these those this that we us our you
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
"""Words after "how many" that are not what is counted ("how many children are in care")."""


def unit_of(question: str) -> str | None:
    """ "money", "share", "age", "duration", "count:<stems>" or None (any figure)."""
    for unit, pattern in _UNIT_OF_QUESTION:
        if pattern.search(question):
            return unit
    counted = _HOW_MANY.search(question)
    if counted:
        said = counted.group(1).split()
        ends = next((i for i, w in enumerate(said) if w.lower() in _AUXILIARIES), len(said))
        ends = min(ends, next((i + 1 for i, w in enumerate(said) if _heads(said, i)), ends))
        kept = [w for w in said[:ends] if w.lower() not in _FUNCTION_WORDS]
        parts = [p for w in kept if "-" in w for p in w.split("-") if p]  # "under-fives"
        stems = dict.fromkeys(stem(w) for w in kept + parts)
        return "count:" + ",".join(stems) if stems else None
    return None


_PARAGRAPH_NUMBER = re.compile(r"\d+(?:\.\d+)+\.?\s|\d+[.)]\s+[A-Z]")


def _numbers_paragraph(text: str, match: re.Match[str]) -> bool:
    """The figure opens the text as a paragraph's number ("1.2 The purpose of …")."""
    return not text[: match.start()].strip() and bool(_PARAGRAPH_NUMBER.match(text, match.start()))


_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEARLESS_DAYS = re.compile(
    rf"\b{_DAY}(?:\s*(?:and|to|-|–|&)\s*{_DAY})?\s+{MONTH_NAME}\b|"
    rf"\b{MONTH_NAME}\s+{_DAY}(?:\s*(?:and|to|-|–|&)\s*{_DAY})?\b",
    re.IGNORECASE,
)
"""Days of a month written without a year ("14 January", "January 14", "20 and 21
February"): dates, though no year makes them full ones, never counts."""


def yearless_days(text: str) -> list[tuple[int, int]]:
    """The spans of days written with a month but no year."""
    return [m.span() for m in _YEARLESS_DAYS.finditer(text)]


_LABEL = re.compile(
    r"\b(page|pages|p|appendix|annex|section|paragraph|para|chapter|item|figure|table|part)"
    r"\.?\s*$",
    re.I,
)
"""A word a number labels rather than counts ("Page 3", "Appendix 1")."""


def labels_at(text: str, start: int) -> bool:
    """The number at `start` numbers a page, appendix or section: it counts nothing."""
    return bool(_LABEL.search(text[max(0, start - 12) : start]))


def gives_figure(text: str, unit: str | None, asked: frozenset[str], day_first: bool) -> bool:
    """Whether the text (its dates set aside) gives a figure of the unit asked for."""
    days = yearless_days(text)
    for mention in reversed(find_dates(text, day_first=day_first)):
        text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    figures = [
        m
        for m in _ANY.finditer(text)
        if m.group().lower() not in asked
        and not _numbers_paragraph(text, m)
        and not labels_at(text, m.start())
        and not any(start <= m.start() < end for start, end in days)
    ]
    if unit is not None and unit.startswith("count:"):
        nouns = set(unit[6:].split(","))
        if stem("times") in nouns and _OCCASIONS.search(text):
            return True  # "How many times …?": "for the second time", "twice"
        return _counts(text, figures, nouns) or _none_of(text, nouns)
    if unit is None and "much" in asked:  # "how much …?": an amount, not "both" or "all"
        figures = [m for m in figures if m.group().lower() not in _QUANTIFIERS]
    if not figures:
        return False
    if unit is None:
        return True
    return bool(_UNITS[unit].search(text))


_QUANTIFIERS = frozenset({"all", "both", "several", "none"})
"""Numerals that say how many of a known set, never how much of anything."""
_OCCASIONS = re.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+time|"
    r"twice|thrice)\b",
    re.I,
)
"""Words that count occasions: they answer "How many times …?"."""
_ZERO = re.compile(r"\b(?:no|zero|none of the)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)
"""A count of nought: "no children at immediate risk", "none of the homes"."""


def _none_of(text: str, nouns: set[str]) -> bool:
    """The text says there were none of the things counted."""
    return any(stem(w) in nouns for m in _ZERO.finditer(text) for w in m.group(1).split())


_ALL_OF = re.compile(rf"\s+(?:of|the|these|those|its|their|{_NUMERAL})\b", re.I)
"""After "all", what makes it a count of things known: "all 12", "all of the", "all the"."""


def _counts(text: str, figures: list[re.Match[str]], nouns: set[str]) -> bool:
    """A figure near the thing counted: "12 recommendations", "homes ... fell to none"."""
    for figure in figures:
        if figure.group().lower() == "all" and not _ALL_OF.match(text, figure.end()):
            continue  # "all children in our city": everyone, not a count of anyone
        after = re.findall(r"[\w'’-]+", text[figure.end() :])[:_WINDOW]
        if after and _MEASURE.fullmatch(after[0]) and stem(after[0]) not in nouns:
            continue  # "three years", "15 per cent": a duration or a share, not a count
        before = re.findall(r"[\w'’-]+", text[: figure.start()])[-2 * _WINDOW :]
        if any(stem(w) in nouns or stem(w.split("-")[-1]) in nouns for w in after + before):
            return True
    return False

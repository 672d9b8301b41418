"""Acronyms a text defines ("Serious Case Review (SCR)"), learned so either form matches.

Learned from each record at ingest, never listed by hand, so another council's bodies
("Local Safeguarding Children Board (LSCB)") are understood as well as the first one's.
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(
    r"((?:[A-Za-z][\w'’-]*[\s-]+){1,9}?)\(\s*(?:the\s+)?([A-Z][A-Za-z&]{1,9})\s*\)"
)
_SMALL = frozenset(
    ["of", "for", "and", "the", "in", "on", "to", "a", "an", "&", "with", "at", "by"]
)


_UPPER = re.compile(r"\b([A-Z]{2,6})s?\b")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w'’-]*))*")


def find_acronyms(text: str) -> dict[str, str]:
    """Acronym -> the words it stands for: defined in brackets, or a capitalised name in the
    same text whose initials spell an acronym the text uses."""
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        short = match.group(2)
        long = _expansion(match.group(1).split(), short)
        if long:
            found.setdefault(short, long)
    used = {m.group(1) for m in _UPPER.finditer(text)} - found.keys()
    if used:
        for run in _CAPITALISED_RUN.finditer(text):
            words = run.group().split()
            for short in list(used):
                long = _expansion(words, short) if len(words) > 1 else None
                if long and " " in long:
                    found[short] = long
                    used.discard(short)
    return found


def spelt_out(short: str, text: str) -> str | None:
    """The first capitalised name in the text whose initials spell the acronym, its
    possessive dropped ("NCA" of a page saying "the Northtown Carers Association’s
    board"; "HMI" inside "Her Majesty's Inspector Jane Doe")."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        for end in range(2, len(words) + 1):
            long = _expansion(words[:end], short)
            if long and " " in long:
                return re.sub(r"['’]s?$", "", long)
    return None


def _expansion(words: list[str], short: str) -> str | None:
    """The shortest run of trailing words whose initials (small words optional) spell it."""
    letters = [c.lower() for c in short.rstrip("s") if c.isalpha()]
    for size in range(1, len(words) + 1):
        run = [w.strip("-") for w in words[-size:]]
        if run[0].lower() in _SMALL:
            continue
        if _spells(run, letters):
            return " ".join(run)
    return None


def _spells(run: list[str], letters: list[str]) -> bool:
    """Whether the run's initials spell the letters, small words allowed in or out."""
    initials = [w[0].lower() for w in run]
    content = [w[0].lower() for w in run if w.lower() not in _SMALL]
    return letters in (initials, content)

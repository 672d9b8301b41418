"""A claim's words held by a unit's words of the opposite meaning, which deny them.

A press officer's mistaken claim often says the opposite of a record in other words:
"gave up" where the record says "retained", "rejected" where it says "accepted", "kept
confidential" where it says "made public". Such a unit is about what the claim is about
and says the other thing: its opposite words hold the claim's (so the unit is evidence)
and `opposed` names the conflict. The pairs are plain English, not words of any record.
A side counts only where the text says it unnegated ("not made public" says neither).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.question import LATEST
from assistant.factcheck.claim import Claim
from assistant.factcheck.evidence import Unit, Weights
from assistant.factcheck.synonyms import with_held
from index import date_bounds

_OPPOSED_TEXT = """
    accept accepted accepts accepting | reject rejected rejects rejecting refuse refused
    approve approved approves | reject rejected rejects refuse refused
    praise praised praises praising | criticise criticised criticises criticising
        criticize criticized condemn condemned
    improved improving | deteriorate deteriorated deteriorating worsen worsened worsening
    retain retained retains keep kept keeps | give_up gave_up given_up gives_up lose lost
        loses relinquish relinquished surrender surrendered
    made_public published | kept_confidential kept_secret kept_private confidential
        secret withheld unpublished
    remain remains remained continue continues continued | disband disbanded abolish
        abolished scrap scrapped dissolve dissolved wound_up axed
    interim acting temporary | permanent permanently substantive
    cut cuts | ring-fenced ringfenced protected protection
    successful succeeded | failed unsuccessful
    strengths | weaknesses
"""
"""Pairs of sides, one per line ("|" between them, "_" joining a phrase's words)."""

_NEGATION = re.compile(r"\b(?:not|never|no|nor|n[o’']t)\s+(?:\w+\s+){0,2}$", re.I)
"""A negation in the three words before a side's phrase: "was not made public"."""


@dataclass(frozen=True)
class Opposition:
    """What the claim says (`said`) and what the unit says against it (`given`)."""

    said: str
    given: str


@dataclass(frozen=True)
class _Side:
    """One side of a pair: its phrases' first words (a cheap test) and one pattern."""

    firsts: frozenset[str]
    pattern: re.Pattern[str]


def _side(phrases: list[str]) -> _Side:
    """The side read in one pass, its longest phrases tried first ("kept confidential")."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return _Side(
        frozenset(p.split()[0] for p in phrases),
        re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I),
    )


def _pairs(text: str) -> list[tuple[_Side, _Side]]:
    """The sides of each pair."""
    joined = re.sub(r"\n\s{6,}", " ", text)  # a pair's continuation lines
    pairs = []
    for line in joined.strip().splitlines():
        left, right = line.split("|")
        sides = [[w.replace("_", " ") for w in side.split()] for side in (left, right)]
        pairs.append((_side(sides[0]), _side(sides[1])))
    return pairs


_PAIRS = _pairs(_OPPOSED_TEXT)
_WORD = re.compile(r"[a-z][a-z-]*")
_NEGATION_REACH = 40
"""Characters before a side's phrase read for a negation."""


def _words(text: str) -> frozenset[str]:
    """The text's lower-case words, to skip a side none of whose phrases can be there."""
    return frozenset(_WORD.findall(text.lower()))


def _says(text: str, words: frozenset[str], side: _Side) -> str | None:
    """The first phrase of the side the text says unnegated, if any."""
    if not side.firsts & words:
        return None
    for m in side.pattern.finditer(text):
        if not _NEGATION.search(text[max(0, m.start() - _NEGATION_REACH) : m.start()]):
            return m.group()
    return None


def _mentions(text: str, words: frozenset[str], side: _Side) -> bool:
    """The text uses a phrase of the side, negated or not."""
    return bool(side.firsts & words) and side.pattern.search(text) is not None


@lru_cache(maxsize=256)
def _claimed_sides(claim: str) -> tuple[tuple[_Side, _Side, str], ...]:
    """Each side the claim says unnegated (with its phrase), whose other side it never
    uses: read once per claim, so each unit is read only for these."""
    words = _words(claim)
    found = []
    for left, right in _PAIRS:
        for mine, theirs in ((left, right), (right, left)):
            said = _says(claim, words, mine)
            if said is not None and not _mentions(claim, words, theirs):
                found.append((mine, theirs, said))
    return tuple(found)


@lru_cache(maxsize=4096)
def opposition(claim: str, unit: str) -> Opposition | None:
    """A side the claim says that the unit never uses, where the unit says the other side
    and the claim never uses it."""
    sides = _claimed_sides(claim)
    if not sides:
        return None
    words = _words(unit)
    for mine, theirs, said in sides:
        given = _says(unit, words, theirs)
        if given and not _mentions(unit, words, mine):
            return Opposition(said, given)
    return None


@lru_cache(maxsize=4096)
def agreement(claim: str, unit: str) -> str | None:
    """A phrase of the claim whose unit says another of the same side ("kept" where it says
    "retained"), using neither the claim's phrase nor any of the other side."""
    sides = _claimed_sides(claim)
    if not sides:
        return None
    words = _words(unit)
    for mine, theirs, said in sides:
        if _mentions(unit, words, theirs) or _says(unit, words, mine) is None:
            continue
        if not re.search(rf"(?<![\w-]){re.escape(said)}(?![\w-])", unit, re.I):
            return said
    return None


def held_by_opposites(units: list[Unit], claim: Claim, weights: Weights) -> list[Unit]:
    """Each unit saying the opposite of the claim, or the same in another word of its side,
    with the claim's words of that side counted as held: the unit speaks of what the claim
    says, in the other sense or in the same."""
    asked = {t: w.lower() for t, w in claim.subject.items() if t in weights.terms}
    held_units = []
    for unit in units:
        found = opposition(claim.text, unit.quote)
        said = found.said if found is not None else agreement(claim.text, unit.quote)
        if said is None:
            held_units.append(unit)
            continue
        words = set(said.lower().split())
        held = {t for t, w in asked.items() if w in words}
        held_units.append(with_held(unit, held, asked, weights))
    return held_units


def opposed(claim: Claim, unit: Unit) -> tuple[str, str] | None:
    """The verdict rule: the unit says the opposite of what the claim says, of a time it
    could know. A record tells how things stood up to its date: "will remain in place",
    in March 2010, does not deny "was disbanded in 2010" (silent)."""
    found = opposition(claim.text, unit.quote)
    if found is None:
        return None
    known = _known_until(unit)
    later = [
        p.label for p, _ in claim.periods if known is not None and known < p.end != LATEST
    ]  # "since 2015" is open: it bounds, it dates nothing after the record
    if later:
        return "silent", f"the records say “{found.given}” before the end of {later[0]}"
    return "conflicts", f"the records say “{found.given}”, not “{found.said}”"


def _known_until(unit: Unit) -> str | None:
    """The last day the unit can speak of: its latest date or its record's, if any."""
    dates = [d.value for d in unit.facts.dates] + [unit.document.date or ""]
    ends = [date_bounds(d)[1] for d in dates if d]
    return max(ends, default=None)

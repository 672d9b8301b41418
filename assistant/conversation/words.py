"""Closed word classes the follow-up rules read questions with: English, never record names."""

from __future__ import annotations

import re

_FUNCTION_WORDS_TEXT = """
    a about above after again all also am an and any are as at be been before being below
    between both but by can could did do does doing done during each few for from further had
    has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own same she should
    so some such than that the their theirs them then there these they this those through to
    too under until up very was we were what when where which while who whom why will with
    would you your yours tell please give show list say says said according records record
    many much happen happened know take takes took taken place
    """
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_AUXILIARIES_TEXT = """
    was were is are did does do has have had will would can could should wasn't weren't
    isn't aren't didn't doesn't don't hasn't haven't hadn't won't wouldn't can't couldn't
    """
AUXILIARIES = frozenset(_AUXILIARIES_TEXT.split())
BE = frozenset({"was", "were", "is", "are", "wasn't", "weren't", "isn't", "aren't"})
_VERBS_TEXT = """
    find found lead led make made issue say said do done happen chair begin began start end
    mean meant report show take took give gave hold held meet met set run ran write wrote publish
    decide recommend agree become became come came leave left conclude judge rate inspect appoint
    announce approve criticise criticize describe warn respond apologise apologize deliver
    visit review work get got go went tell told ask see saw pay paid put carry
    speak spoke spoken written taken given chose chosen knew known brought thought sent
    spent built won lost felt heard stood sought taught caught drew drawn broke broken
    begun kept bought born
    """
VERBS = frozenset(_VERBS_TEXT.split())
_PARTICIPLES_TEXT = """
    found led made said done begun shown taken given held met set run meant written chosen
    known seen brought bought kept thought sent spent built won lost paid heard stood sought
    taught caught drawn broken put cut hit told left born
"""
PARTICIPLES = frozenset(_PARTICIPLES_TEXT.split())
_PARTICLES_TEXT = "up down out off back over"
PARTICLES = frozenset(_PARTICLES_TEXT.split())
WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_RECORD_NOUNS_TEXT = """
    report reports review reviews study letter inquiry investigation assessment evaluation
    audit summary plan statement inspection coverage article story release announcement
    bulletin interview briefing minutes
"""
RECORD_NOUNS = frozenset(_RECORD_NOUNS_TEXT.split())
"""Nouns of a record someone made: "the report by the Board" says who wrote it."""
_RECORD_MODIFIERS = "annual|serious|case|final|full|joint|independent|overview|first|second"
_BEFORE_RECORD = re.compile(
    rf"^\s+(?:(?:(?-i:[A-Z])[\w'’-]*|{_RECORD_MODIFIERS})\s+){{0,3}}"
    rf"(?:{'|'.join(sorted(RECORD_NOUNS))})\b",
    re.I,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|that|this|a|an)\s+$", re.I)
_RECORD_OUT_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(RECORD_NOUNS))})\s+(?:(?:that|which)\s+(?:was|were)\s+)?"
    r"(?:published|reported|announced|released|issued)\s+(?:in|on)\s+$",
    re.I,
)
"""A record's noun and the verb of its coming out ("the inspection reported in"): the date
after them is the record's."""


def names_record(before: str, after: str) -> bool:
    """A date between a determiner and a record's noun ("the 2014 review", "its 2017 Ofsted
    inspection"), or after the record's coming out ("the inspection reported in January
    2019"), says which record is meant, not when what is asked happened."""
    if _RECORD_OUT_BEFORE.search(before):
        return True
    return bool(_DETERMINER_BEFORE.search(before) and _BEFORE_RECORD.match(after))


def is_verb(word: str) -> bool:
    """A lower-case word that reads as a verb: listed, or a regular past tense."""
    return word.islower() and (word in VERBS or (word.endswith("ed") and len(word) > 4))


def has_content(text: str) -> bool:
    """Whether the text names something itself, beyond anaphors and function words."""
    return any(w.lower() not in FUNCTION_WORDS for w in WORD.findall(text))


def sentence(*parts: str) -> str:
    """Join the non-empty parts into one capitalised question."""
    text = " ".join(" ".join(parts).split()).rstrip("?.!, ")
    return text[:1].upper() + text[1:] + "?"


_MALE = r"(?-i:Mr|Sir|Lord)\.?|(?:father|stepfather|son|husband|brother|grandfather|uncle|boy)\b,?"
_FEMALE = (
    r"(?-i:Mrs|Ms|Miss|Lady|Dame)\.?|"
    r"(?:mother|stepmother|daughter|wife|sister|grandmother|aunt|girl|chairwoman|spokeswoman)\b,?"
)


def sex_of(name: str, text: str) -> str | None:
    """ "he" or "she" when the text marks the person so, by title ("Ms McNally") or by a
    noun before the name ("his mother, Jane Doe"); None when it does not, or marks both."""
    surname = re.escape(name.rstrip("'’,").split()[-1])
    between = r"\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}"
    male = re.search(rf"(?i:\b(?:{_MALE})){between}{surname}\b", text)
    female = re.search(rf"(?i:\b(?:{_FEMALE})){between}{surname}\b", text)
    if bool(male) == bool(female):
        return None
    return "he" if male else "she"

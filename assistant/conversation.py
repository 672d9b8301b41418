"""Follow-up resolution for chat: turn the last user message into a self-contained question.

Deterministic, no model. The last user message is read against the earlier user turns,
each resolved in turn so follow-ups chain; assistant and system turns are ignored. It is a
follow-up when it starts with "and", "but", "also", "what about" or "how about", or when,
question words, verbs and dates set aside, it has no content word of its own (only "it",
"that", "this", "they", "them", "those", "he", "she", "there", "then", or nothing):

- "and in February 2010?", "what about in 2009?", "how about 2009?": the previous question
  with the new date phrase in place of its own;
- "what about the vacancy rate?", "and the sickness rate in 2009?": the previous question
  with a new subject (and date, if given);
- "who issued it?", "who led it?", "what did it find then?", "when was he appointed?":
  the anaphor replaced by the previous subject ("then" by its date phrase, "there" by
  "in <subject>"; "he"/"she" after "Who <verb> X?" by "the person who <verb> X");
- "when was that?", "and when?", "why?": asked of the previous subject, with its past
  participle when it had one ("When was the Task Force chaired?");
- "and who led the inquiry?": a complete question behind a lead loses only the lead.
Anything else, and any first message, is returned unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.answer.question import STOPWORDS
from assistant.errors import InvalidQuery
from index import find_dates

__all__ = ["Resolution", "Turn", "resolve"]

Role = Literal["user", "assistant", "system"]
_LEAD = re.compile(r"^(?:and|but|also|what about|how about)\b[\s,]*", re.I)
_WH = re.compile(r"(?:what|when|who|whom|where|which|why|how)\W*", re.I)
_ANAPHOR = re.compile(r"\b(it|that|this|they|them|those|these|he|she|him|her|there|then)\b", re.I)
_PREP = re.compile(r"\b(?:in|on|during|by|since|before|after|from|until|between|as of)\s+$", re.I)
_JOIN = re.compile(r"\s*(?:and|to|-|–)\s*")
_AUX_TEXT = "was were is are did does do has have had will would can could should"
_VERBS_TEXT = """
    find found lead led make made issue say said do done happen chair begin began start end
    mean report show take took give gave hold held meet met set run ran write wrote publish
    decide recommend agree become come came leave left
"""
_AUX, _VERBS = frozenset(_AUX_TEXT.split()), frozenset(_VERBS_TEXT.split())
_BE = frozenset({"was", "were", "is", "are"})
_PARTICIPLES_TEXT = "found led made said done begun shown taken given held met set"
_PARTICIPLES = frozenset(_PARTICIPLES_TEXT.split())


@dataclass(frozen=True)
class Turn:
    """One chat message; only user turns carry questions."""

    role: Role
    content: str


@dataclass(frozen=True)
class Resolution:
    """The question to answer, the message as typed, and whether context was carried in."""

    question: str
    original: str
    changed: bool


@dataclass(frozen=True)
class _Parts:
    """A question split into what it asks with, about, and when."""

    head: str  # question word plus an auxiliary or verb: "What was", "Who chaired"
    subject: str  # "the vacancy rate", or an anaphor such as "it"
    verb: str  # a trailing verb: "issued", "find"
    dates: str  # the date phrases with their prepositions: "in April 2010"


def resolve(messages: list[Turn]) -> Resolution:
    """Make the last user message answerable on its own, carrying the earlier subject in."""
    asked = [t.content for t in messages if t.role == "user"]
    if not asked:
        raise InvalidQuery("the conversation has no user message to answer")
    original = asked[-1]
    if not original.strip():
        raise InvalidQuery("the last user message is empty")
    question = asked[0].strip()
    for text in asked[1:]:
        question = _follow(question, text.strip()) if text.strip() else question
    return Resolution(question, original, question != original.strip())


def _follow(previous: str, text: str) -> str:
    """The follow-up read against the previous (already resolved) question."""
    lead = _LEAD.match(text)
    rest = text[lead.end() :] if lead else text
    cur, prev = _parts(rest), _parts(previous)
    if _content(cur.subject) and (cur.head or not lead):
        return _sentence(rest) if lead else text
    if not (prev.subject or prev.dates):
        return text
    asks_when = cur.head.lower().startswith("when")
    dates = cur.dates or ("" if asks_when else prev.dates)
    if not cur.head:
        subject = cur.subject if _content(cur.subject) else prev.subject
        return _sentence(prev.head, subject, prev.verb, dates)
    tail = cur.head.split()[-1].lower()
    bare = not (tail in _AUX or _is_verb(tail))
    plain = not cur.subject or cur.subject.lower() in {"it", "that", "this"}
    if plain and not cur.verb and (bare or tail in _BE) and (participle := _participle(prev)):
        head = f"{cur.head} was" if bare else cur.head
        return _sentence(head, prev.subject, participle, dates)
    subject = _ANAPHOR.sub(lambda m: _referent(m.group(1), prev), cur.subject or "it")
    return _sentence(cur.head, subject, cur.verb, dates)


def _parts(text: str) -> _Parts:
    """Split a question into head, subject, trailing verb and date phrases."""
    text, dates = _without_dates(text.strip().rstrip("?.! "))
    tokens = text.replace(" ,", ",").strip(" ,;").split()
    head: list[str] = []
    if tokens and _WH.fullmatch(tokens[0]):
        size = 2 if len(tokens) > 1 and tokens[1].lower() in {"many", "much"} else 1
        head, tokens = tokens[:size], tokens[size:]
        if tokens and (tokens[0].lower() in _AUX or _is_verb(tokens[0])):
            head, tokens = [*head, tokens[0]], tokens[1:]
    end = len(tokens)
    while end > 1 and tokens[end - 1].lower() in {"then", "there"}:
        end -= 1
    verb = tokens.pop(end - 1) if end > 1 and _is_verb(tokens[end - 1]) else ""
    return _Parts(" ".join(head), " ".join(tokens).strip(" ,"), verb, dates)


def _without_dates(text: str) -> tuple[str, str]:
    """The text with its date phrases cut out, and those phrases, each led by a preposition."""
    spans: list[tuple[int, int, bool]] = []  # "between 2008 and 2009" is one span
    for m in find_dates(text):
        prep = _PREP.search(text[: m.start])
        start = prep.start() if prep else m.start
        if spans and _JOIN.fullmatch(text[spans[-1][1] : start]):
            spans[-1] = (spans[-1][0], m.end, spans[-1][2])
        else:
            spans.append((start, m.end, prep is not None))
    dates = " ".join(text[s:e] if led else f"in {text[s:e]}" for s, e, led in spans)
    for s, e, _led in reversed(spans):
        text = text[:s] + " " + text[e:]
    return text, dates


def _is_verb(word: str) -> bool:
    """A lower-case word that reads as a verb: listed, or a regular past tense."""
    return word.islower() and (word in _VERBS or (word.endswith("ed") and len(word) > 4))


def _content(text: str) -> bool:
    """Whether the text names something itself, beyond anaphors and function words."""
    return any(w.lower() not in STOPWORDS for w in re.findall(r"[A-Za-z0-9][\w'’-]*", text))


def _participle(prev: _Parts) -> str:
    """The previous question's past participle ("issued", "chaired"), to ask "when was" with."""
    for word in (prev.verb, prev.head.split()[-1] if prev.head else ""):
        if (word.endswith("ed") and _is_verb(word)) or word in _PARTICIPLES:
            return word
    return ""


def _referent(anaphor: str, prev: _Parts) -> str:
    """What an anaphor points back to in the previous question."""
    word = anaphor.lower()
    if word == "then":
        return "" if prev.dates else "then"  # the dates are added to the question anyway
    if word == "there" and prev.subject:
        return f"in {prev.subject}"
    if word in {"he", "she", "him", "her"} and prev.head.lower().startswith("who "):
        return f"the person who {prev.head.split()[-1]} {prev.subject}"
    return prev.subject or anaphor


def _sentence(*parts: str) -> str:
    """Join the non-empty parts into one capitalised question."""
    text = " ".join(" ".join(parts).split()).rstrip("?.! ")
    return text[:1].upper() + text[1:] + "?"

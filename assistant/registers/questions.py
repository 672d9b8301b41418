"""Which questions are register status questions, and what they ask for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.question import STOPWORDS, Period, Question
from assistant.registers.rows import OPEN

# ---------------------------------------------------------------- questions

_NOUN = re.compile(r"\b(recommendations?|actions?|action[- ]plan items?|items?|register)\b", re.I)
_REF = re.compile(r"\b([A-Z]{1,3}\d+(?:\.\d+)*)\b|\brecommendation\s+(\d+)\b", re.I)
_OPEN_WORDS = re.compile(
    r"\b(outstanding|open|incomplete|unfinished|remaining|pending|not (?:yet )?(?:been )?"
    r"(?:fully )?implemented|being implemented|still to be implemented)\b",
    re.I,
)
_IN_PROGRESS = re.compile(r"\b(in progress|in_progress|under ?way|ongoing)\b", re.I)
_NOT_STARTED = re.compile(r"\bnot (?:yet )?started\b", re.I)
_SUPERSEDED = re.compile(r"\bsuperseded\b", re.I)
_DONE = re.compile(r"\b(implemented|completed?|done|finished|closed|delivered)\b", re.I)
_STATUS_WORD = re.compile(r"\bstatus\b", re.I)
_DUE = re.compile(r"\b(due|deadlines?)\b", re.I)
_VOCAB_TEXT = """recommendation recommendations action actions item items plan register registers
    implemented implement complete completed done finished closed delivered outstanding open
    incomplete unfinished remaining pending still yet fully progress underway ongoing started
    superseded status statuses due deadline deadlines scr serious case review total number
    currently now left make makes made contain contains"""
_VOCAB = frozenset(_VOCAB_TEXT.split())


@dataclass(frozen=True)
class RegisterQuestion:
    """What a status question asks of the register."""

    kind: str | None
    named: bool  # the question names recommendations, actions or items
    refs: tuple[str, ...]
    statuses: tuple[str, ...] | None  # None: every status
    asks_due: bool
    asks_when: bool
    period: Period | None


def classify(question: Question) -> RegisterQuestion | None:
    """A register status question, or None for the normal retrieval path."""
    text = question.text
    refs = tuple(dict.fromkeys(m.group(1) or m.group(2) for m in _REF.finditer(text)))
    leftover = [
        w
        for w in question.term_words
        if w.lower() not in _VOCAB
        and w.lower() not in STOPWORDS
        and not any(w.lower() in r.lower() for r in refs)
    ]
    if leftover:
        return None
    statuses = _statuses(text)
    asks_due = bool(_DUE.search(text))
    asks_status = bool(_STATUS_WORD.search(text))
    noun = _NOUN.search(text)
    asks = asks_due or asks_status or (bool(noun) and question.asks_number)
    if statuses is None and not asks and not (refs and question.asks_when):
        return None
    kind = None
    if noun and noun.group(1).lower().startswith("recommendation"):
        kind = "scr_recommendation"
    elif noun and noun.group(1).lower().startswith("action"):
        kind = "action_plan_note"
    return RegisterQuestion(
        kind=kind,
        named=bool(noun),
        refs=refs,
        statuses=statuses,
        asks_due=asks_due,
        asks_when=question.asks_when,
        period=question.periods[0] if question.periods else None,
    )


def _statuses(text: str) -> tuple[str, ...] | None:
    if _NOT_STARTED.search(text):
        return ("not_started",)
    if _IN_PROGRESS.search(text):
        return ("in_progress",)
    if _OPEN_WORDS.search(text):
        return OPEN
    if _SUPERSEDED.search(text):
        return ("superseded",)
    if _DONE.search(text):
        return ("implemented",)
    return None

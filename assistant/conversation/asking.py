"""Asking a resolved follow-up: a period carried in from an earlier turn guides, it does not bar."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.models import Answer
from assistant.conversation.models import Resolution
from assistant.conversation.words import RECORD_NOUNS
from index import find_dates


def widened(resolution: Resolution) -> str | None:
    """The question with its carried period widened to the year ("in October 2017" -> "in
    2017"), or None when nothing was carried or it already is a year: the user named the
    month for the earlier question, and a record may date the follow-up's fact only by year.
    A period that only said which record the earlier question meant is left out."""
    carried = resolution.carried
    found = find_dates(carried)
    if len(found) != 1 or carried not in resolution.question:
        return None
    if resolution.named_record:  # "the 2013 review": which review, not when the follow-up's fact
        return _year_on_record(resolution.question.replace(carried, ""), found[0].value[:4])
    if found[0].precision == "year":
        return None
    date = found[0]
    wider = f"{carried[: date.start]}{date.value[:4]}{carried[date.end :]}"
    return resolution.question.replace(carried, wider)


def ask_resolved(resolution: Resolution, ask: Callable[[str], Answer]) -> Answer:
    """The resolved question's answer; when it finds nothing, the question asked again over
    the carried period's year, whose answer is kept only if it answers."""
    answer = ask(resolution.question)
    wider = widened(resolution) if answer.status == "not_found" else None
    if wider is None:
        return answer
    again = ask(wider)
    return again if again.status == "answered" else answer


_RECORD = re.compile(
    rf"\b(the|its|their)\s+((?:[\w'’-]+\s+){{0,2}}?)({'|'.join(sorted(RECORD_NOUNS))})\b", re.I
)


def _year_on_record(question: str, year: str) -> str | None:
    """The question with the year put back on the record it named ("the toddler in the
    Northtown review" -> "the toddler in the 2013 Northtown review"), or None when it names
    no record: then the year said which record, and no other one may answer."""
    found = _RECORD.search(question)
    if found is None:
        return None
    dated = f"{found.group(1)} {year} {found.group(2)}{found.group(3)}"
    return " ".join(f"{question[: found.start()]}{dated}{question[found.end() :]}".split()).replace(
        " ?", "?"
    )

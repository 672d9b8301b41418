"""The not_found answer for a follow-up that could not be read against the earlier turns."""

from __future__ import annotations

from assistant.answer.models import Answer
from assistant.conversation.models import Resolution
from index import Filters, find_dates, format_date


def unresolved_answer(
    resolution: Resolution, filters: Filters, documents: int, passages: int
) -> Answer:
    """not_found saying what could not be resolved, in the shape of the other not_found answers.

    Nothing is searched: a question about an unknown "she" would find some other person.
    """
    reason = resolution.unresolved or "I could not tell what the question refers to."
    searched: dict[str, object] = {
        "query": resolution.question,
        "filters": {"kind": filters.kind, "since": filters.since, "until": filters.until},
        "periods": [format_date(d.value) for d in find_dates(resolution.question)],
        "documents": documents,
        "passages": passages,
        "passages_read": 0,
    }
    return Answer(resolution.question, "not_found", reason, reason=reason, searched=searched)

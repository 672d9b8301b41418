"""What some questions demand of the sentence that answers them, beyond its words.

Each demand is read from the question's wording and checked against one sentence (and the
words around it): a sentence that fails one is no answer, however many words it shares.
"""

from __future__ import annotations

import re

from assistant.answer.question import measures
from assistant.answer.tokens import stem

_WHOSE = re.compile(r"^\s*whose\s+([a-z]+)", re.I)
_WILL_DO = re.compile(
    r"^\s*what\s+(?:will|would|shall|is\s+\S+(?:\s+\S+)?\s+going\s+to|"
    r"(?:was|were|is|are|has|have)\s+.{1,60}?\s+(?:been\s+)?"
    r"(?:asked|told|required|expected|directed|instructed|tasked|meant|supposed)\s+to)\b"
    r".*\bdo\b",
    re.I,
)
"""A question asking what someone will do, or was asked to do: what is to come."""
_WILL_WHEN = re.compile(
    r"^\s*(?:and\s+)?(?:by\s+)?when\s+(?:will|would|shall|is\s+.{1,60}?\s+(?:going|due)\s+to)\b",
    re.I,
)
"""A question asking when something will happen: a sentence of what is to come answers it,
not one dating what had happened ("a review by Ofsted last December")."""
_TO_COME = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|going\s+to|plans?\s+to|planned\s+to|"
    r"expected\s+to|due\s+to|intends?\s+to|aims?\s+to|required\s+to|requires?\s+\w+\s+to)\b",
    re.I,
)


_NTH_THING = re.compile(
    r"^\s*(?:what|which)\s+(?:was|were|is|are)\s+the\s+(?:first|second|third|fourth|fifth|"
    r"last|final|latest|next|previous)\s+([a-z]{3,})",
    re.I,
)
"""A question asking for one thing of a series by its place ("What was the last
recommendation?"): the sentence must speak of that thing, not of "last Saturday"."""


_WHO_FOLLOWED = re.compile(
    r"^\s*(?:and\s+)?who\s+(?:(?:has|had|will|would)\s+)?(?:took\s+over|take[sn]?\s+over|"
    r"replaced|succeeded|came\s+after|followed)\b",
    re.I,
)
"""A question asking who followed someone in a post ("Who took over after her?")."""
_FOLLOWING = re.compile(
    r"\b(?:replac\w*|succeed\w*|successor|(?:take[sn]?|took|taking)\s+over|"
    r"in place of|new|appointed|took up|takes up|taking up|named|"
    r"now\s+(?:\w+\s+){0,3}by|(?:take[sn]?|took|taking)\s+on\s+the\s+(?:role|post|job)|"
    r"fill(?:s|ed|ing)?\s+(?:the|her|his|their)\s+(?:post|role|job|vacancy))\b",
    re.I,
)
"""How a record tells that someone came into a post ("will now be carried out by Sam Roe"):
one telling of neither is about the person the question names, not who followed them."""


def unmet(question: str, sentence: str, around: set[str]) -> str | None:
    """The demand of the question the sentence fails, if any; `around`: the stems of the
    sentence and its context."""
    whose = _WHOSE.match(question)
    if whose and stem(whose.group(1)) not in around:
        return "whose"  # "Whose deaths …?": a sentence about someone's deaths
    nth = _NTH_THING.match(question)
    if nth and stem(nth.group(1)) not in around:
        return "nth"  # "the last recommendation": a sentence about a recommendation
    if _WILL_DO.search(question) and not _TO_COME.search(sentence):
        return "to come"  # "What will the commissioner do?": what is to come
    if _WILL_WHEN.search(question) and not _TO_COME.search(sentence):
        return "to come"  # "When will the notice be reviewed?": not a past review's date
    if measures_another(question, sentence, around):
        return "measure"  # "the vacancy rate": not a sentence giving the sickness rate
    if _WHO_FOLLOWED.match(question) and not _FOLLOWING.search(sentence):
        return "succession"  # "Who took over after her?": not a sentence about her alone
    if _WHO_PRECEDED.match(question) and not _PRECEDING.search(sentence):
        return "succession"  # "Who came before her?": not a sentence about her alone
    return None


_WHO_PRECEDED = re.compile(
    r"^\s*(?:and\s+)?who\s+(?:(?:had|was|were)\s+)?(?:preceded|came\s+before|"
    r"(?:was|were|held)\s+(?:\w+\s+){0,3}before\s+(?:him|her|them|"
    r"(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)))"
    r"|^\s*(?:and\s+)?who\s+did\s+.{1,60}?\s+(?:replace|succeed|follow|take\s+over\s+from)"
    r"\s*\??\s*$"
    r"|^\s*(?:and\s+)?who\s+(?:was|were)\s+.{1,40}?\bpredecessors?\b",
    re.I,
)
"""A question asking who held a post before someone ("Who was director before Jo Vey?",
"Who did she replace?", "Who was her predecessor?"), not before a date or an event
("before Jan 2011", "before Ofsted inspected"): a name of two words, or "him" or "her"."""


_PRECEDING = re.compile(
    r"\b(?:replac\w*|succeed\w*|predecessor\w*|(?:take[sn]?|took|taking)\s+over\b[^.;]{0,40}?\bfrom|"
    r"in place of|previous(?:ly)?|former(?:ly)?|before)\b",
    re.I,
)
"""How a record tells who held a post before someone."""


def asks_successor(question: str) -> bool:
    """The question asks who followed someone in a post ("Who replaced Jane Doe?")."""
    return bool(_WHO_FOLLOWED.match(question))


def asks_predecessor(question: str) -> bool:
    """The question asks who held someone's post before them ("Who did Jane Doe replace?")."""
    return bool(_WHO_PRECEDED.match(question))


def measures_another(question: str, sentence: str, around: set[str]) -> bool:
    """The sentence gives a measure the question asks of one thing ("vacancy rate") only of
    another ("sickness rates"), and never names the thing asked."""
    given = measures(sentence)
    for measure, asked in measures(question).items():
        other = set(given.get(measure, ()))
        if other and not other & set(asked) and asked[-1] not in around:
            return True
    return False

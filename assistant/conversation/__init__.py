"""Follow-up resolution for chat: turn the last user message into a self-contained question.

Deterministic, no model. The last user message is read against the earlier exchanges (each
user question, already resolved, and the assistant reply after it), so follow-ups chain:

- a new period replaces the old one ("and in February 2010?", "what did she say in November
  2009?"); a relative one counts from it, or from the date the previous answer gave ("the
  year before", "a month later", "that year"); otherwise the old period carries (except
  into "when" questions);
- fragments are asked as the previous question: "and in 2010?" changes its period, "and for
  leadership?" adds to it, "what about the vacancy rate?" changes what it asks about (its
  subject, what it counts, or what it asks "about");
- "he", "she", "his", "her" stand for the person the latest exchange names: a name in its
  question; its subject when that is a role ("the Minister") and not what a "who" question
  asked for; the person its answer names in the sentence that answers it (cited sentences,
  ranked by the words they share with the question); "the person who chaired X" after
  "Who chaired X?"; older exchanges after that;
- "it", "they", "its", "their" stand for what the previous question named as owner ("X's
  report" - "its board"), counted ("how many of them") or asked about when it is a named or
  definite thing (the object of its verb: "the Task Force" in "Who chaired the Task
  Force?"); after "which council ...?" or "who ...?", the body its answer named; else the
  period if it had one ("What happened in 2009?" - "who led it?"); else the latest body or
  place the exchanges name; a closing "there" is the latest place;
- "when was that?", "why?": asked of the previous subject, with its past participle;
- a complete question (a pronoun bound inside it: "Who chaired the Task Force and what did
  it find?") is left alone; a lead ("and who led the inquiry?") is dropped.

A pronoun or relative period nothing earlier can stand for leaves the question unchanged and
says so in `Resolution.unresolved`; chat answers it with
`assistant.conversation.unresolved.unresolved_answer` (not_found), asking nothing.
"""

from __future__ import annotations

from assistant.answer.tokens import uncontracted
from assistant.conversation.follow import Step, follow
from assistant.conversation.models import Exchange, Resolution, Turn
from assistant.conversation.referents import Common, Recall
from assistant.errors import InvalidQuery

__all__ = ["Common", "Recall", "Resolution", "Turn", "resolve"]


def resolve(
    messages: list[Turn], recall: Recall | None = None, common: Common | None = None
) -> Resolution:
    """Make the last user message answerable on its own, carrying the earlier context in.

    `recall` answers an earlier question again when the conversation did not carry its reply
    (or the reply named nobody), so "she" can still find the person that answer named.
    `common` tells the names most records use ("Ofsted"): a follow-up naming only those is
    still about the conversation's place.
    """
    exchanges = _exchanges(messages)
    if not exchanges:
        raise InvalidQuery("the conversation has no user message to answer")
    original = exchanges[-1].question
    if not original.strip():
        raise InvalidQuery("the last user message is empty")
    history: list[Exchange] = []
    step = Step("")
    for exchange in exchanges:
        if exchange.question.strip():
            step = follow(history, uncontracted(exchange.question.strip()), recall, common)
            history.append(Exchange(step.question, exchange.reply, exchange.question))
    changed = step.question != original.strip()
    return Resolution(
        step.question, original, changed, step.unresolved, step.carried, step.named_record
    )


def _exchanges(messages: list[Turn]) -> list[Exchange]:
    """Each user message with the assistant replies after it; system turns are ignored."""
    exchanges: list[Exchange] = []
    for turn in messages:
        if turn.role == "user":
            exchanges.append(Exchange(turn.content))
        elif turn.role == "assistant" and exchanges:
            last = exchanges[-1]
            exchanges[-1] = Exchange(last.question, f"{last.reply}\n{turn.content}".strip())
    return exchanges

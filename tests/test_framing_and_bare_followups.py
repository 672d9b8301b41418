"""The fifteenth round (pages written here about Northtown, no real council; Jo Vey is no real
person): "next" and "yet" are no words a record must hold, nor "part" in "which part of
…?"; a bare "When?" after "What did X do?" asks about the deed the answer quoted, when its
quote gives a date, and is not resolved when it gives none; "the inspection reported in
January 2019" names the record by its coming out; "ran" is a known word when the records
use "run"; "When will …?" is answered by what is to come, not by the date of what had
happened."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.demands import unmet
from assistant.answer.question import analyse
from assistant.conversation import Turn, resolve
from assistant.conversation.words import names_record
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from index import Embedder

from .conftest import page_assistant


def test_next_and_yet_are_no_words_a_record_must_hold() -> None:
    assert "next" not in analyse("What happened to the staff next?").term_words
    assert "yet" not in analyse("Has the plan been published yet?").term_words


def test_which_part_asks_for_a_part_the_record_names() -> None:
    question = analyse("Which part of Northtown's service requires improvement?")
    assert "part" not in question.term_words
    assert "service" in question.term_words
    assert "part" in analyse("Who played a part in the review?").term_words


def test_what_happened_next_is_answered_from_the_reference_statement(
    reference: Assistant,
) -> None:
    """ "next" was the heaviest word asked, and no record says it."""
    answer = reference.ask("What happened to the staff next?")
    assert answer.status == "answered", answer.answer
    assert any("disciplinary process" in c.evidence.quote for c in answer.citations)


def test_a_bare_when_after_what_was_done_is_not_resolved() -> None:
    """The deed is what the answer told, which no words of the question name: asking "When
    the government?" would answer about something else."""
    turns = [
        Turn("user", "What did the government do as a result?"),
        Turn("assistant", "The records do not say."),
        Turn("user", "When?"),
    ]
    resolution = resolve(turns)
    assert resolution.unresolved is not None
    assert "'when'" in resolution.unresolved


def test_a_bare_when_after_a_dated_deed_asks_of_its_quote(reference: Assistant) -> None:
    """The previous answer quoted the deed with its date: "When?" is asked of that quote's
    words, and the sentence that told it answers with its date."""
    turns = [
        Turn("user", "What did the Department for Children, Young People and Families do?"),
        Turn("assistant", reference.ask("What did the department do in February 2009?").answer),
        Turn("user", "When?"),
    ]
    resolution = resolve(turns)
    assert resolution.unresolved is None, resolution.unresolved
    assert resolution.question.startswith("When was it that")
    answer = reference.ask(resolution.question)
    assert answer.status == "answered", answer.answer
    assert answer.answer.startswith("February 2009")


def test_a_bare_when_after_an_undated_deed_is_not_resolved() -> None:
    turns = [
        Turn("user", "What did the council do about the staff?"),
        Turn("assistant", "Three members of staff were removed from frontline services. [1]"),
        Turn("user", "When?"),
    ]
    assert resolve(turns).unresolved is not None


def test_a_bare_when_after_who_was_appointed_still_asks_of_the_person() -> None:
    turns = [
        Turn("user", "Who was appointed director of children's services?"),
        Turn("assistant", "Jo Vey was appointed director of children's services. [1]"),
        Turn("user", "When?"),
    ]
    resolution = resolve(turns)
    assert resolution.unresolved is None
    assert resolution.question.startswith("When was Jo Vey appointed")


def test_a_record_named_by_its_coming_out() -> None:
    text = "What grade did Ofsted give in the inspection reported in January 2019?"
    at = text.index("January 2019")
    assert names_record(text[:at], text[at + len("January 2019") :])
    assert not names_record("What happened in ", "?")


NOTICE = """Northtown's children's services under Government watch

The children's minister has sent in two new assistant directors to check on the department.

A monitoring team will run alongside them.

She said: 'I have decided to issue an improvement notice.'

'This improvement notice will give Northtown Council 12 months to show progress.'
"""


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test."""
    name = "northtown-under-government-watch-2009.txt"
    assistant = page_assistant(tmp_path_factory, embedder, name, NOTICE)
    yield assistant
    assistant.close()


def test_an_irregular_past_is_known_by_its_verb(notice: Assistant) -> None:
    """No record uses "ran", but one uses "run": only the word no record uses is named."""
    result = FactChecker.of(notice).check("The monitoring team ran the council's finances.")
    assert "no record uses the word “finances”" in result.explanation, result.explanation
    unknown = FactChecker.of(notice).check("A monitoring team swam alongside the directors.")
    assert "no record uses the word “swam”" in unknown.explanation, unknown.explanation


def test_when_will_asks_for_what_is_to_come() -> None:
    """A past review's date ("last December") does not say when the notice will be reviewed;
    "is due to go live on 1 April" says when the trust will."""
    past = "The notice followed a review of its children's services by Ofsted last December."
    assert unmet("When will the notice be reviewed?", past, set()) == "to come"
    due = "The trust is due to go live on 1 April this year."
    assert unmet("When will the trust go live?", due, set()) is None
    assert unmet("When was the notice reviewed?", past, set()) is None


def test_a_future_date_is_answered_from_the_reference_statement(reference: Assistant) -> None:
    answer = reference.ask("When will the Aston teams move?")
    assert answer.status == "answered", answer.answer
    assert "by the end of the year" in answer.citations[0].evidence.quote

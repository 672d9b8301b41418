"""Time in follow-ups, from the eleventh round's probes, on a page written for the test
(Eastshire is no real council, Jane Doe no real person): "before that" counting from the date
an answer gave, a year lying wholly before a month asked about, a period carried from an
earlier turn that guides the answer without barring it, and a year that says which review is
meant ("the 2014 review"), met by the page of that year."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.periods import Dated, in_period
from assistant.answer.question import PRECISION, analyse
from assistant.conversation.asking import ask_resolved, widened
from assistant.conversation.words import names_record
from assistant.engine import Assistant
from index import Embedder

from .conftest import chat, page_assistant

PAGE = """Eastshire children's services rated inadequate again

Published 1 February 2023

In a report published after the latest inspection in January 2023, Ofsted found "serious \
failures" across the service.

The service had been rated inadequate by Ofsted in 2018.

The cabinet member for children, Cllr Jane Doe, responded to the report.

She said an extra £2 million would go into children's social care in 2023.
"""

ANSWERED_WITH_A_DATE = (
    "In a report published after the latest inspection in January 2023, Ofsted found"
    ' "serious failures" across the service. [1]'
)
ANSWERED_NOTHING = (
    "The records do not say. No passage states what the question asks closely enough to quote"
    " as an answer. Related reading (not an answer): Eastshire children's services rated"
    " inadequate again (1 February 2023)."
)


@pytest.fixture(scope="module")
def eastshire(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page ingested once for this module."""
    assistant = page_assistant(tmp_path_factory, embedder, "eastshire-inadequate-2023.txt", PAGE)
    yield assistant
    assistant.close()


def test_when_before_that_counts_from_the_date_the_answer_gave() -> None:
    asked = chat(
        ("user", "What did Ofsted find at Eastshire's latest inspection?"),
        ("assistant", ANSWERED_WITH_A_DATE),
        ("user", "And when had it been rated inadequate before that?"),
    )
    assert "before January 2023" in asked.question


def test_before_that_looks_past_a_reply_that_answered_nothing() -> None:
    asked = chat(
        ("user", "What did Ofsted find at Eastshire's latest inspection?"),
        ("assistant", ANSWERED_WITH_A_DATE),
        ("user", "Why did children there have so many social workers?"),
        ("assistant", ANSWERED_NOTHING),
        ("user", "And when had it been rated inadequate before that?"),
    )
    assert "before January 2023" in asked.question


def test_what_happened_after_that_counts_from_the_date_answered() -> None:
    asked = chat(
        ("user", "What did Ofsted find at Eastshire's latest inspection?"),
        ("assistant", ANSWERED_WITH_A_DATE),
        ("user", "What happened after that?"),
    )
    assert "after January 2023" in asked.question


def test_a_deed_before_that_is_not_a_date() -> None:
    asked = chat(
        ("user", "Who responded for Eastshire council?"),
        ("assistant", "The cabinet member, Cllr Jane Doe, responded in January 2023. [1]"),
        ("user", "What had she led before that?"),
    )
    assert "before that" in asked.question


def test_a_year_wholly_before_the_month_asked_is_before_it() -> None:
    before = analyse("When had Eastshire been rated inadequate before December 2022?").periods
    in_month = analyse("What was Eastshire rated in December 2022?").periods
    year = Dated(("2018",), (PRECISION["year"],), "sentence")
    same_year = Dated(("2022",), (PRECISION["year"],), "sentence")
    assert in_period(before, year)
    assert not in_period(before, same_year)  # 2022 runs past the start of December 2022
    assert not in_period(in_month, same_year)  # a year is too coarse for a month asked


def test_an_earlier_year_answers_a_when_before_question(eastshire: Assistant) -> None:
    answer = eastshire.ask("When had Eastshire been rated inadequate before January 2023?")
    assert answer.status == "answered", answer.answer
    assert "2018" in answer.answer


def test_a_carried_month_widens_to_its_year_when_nothing_answers(eastshire: Assistant) -> None:
    asked = chat(
        ("user", "Which councillor responded to Eastshire's January 2023 report?"),
        ("assistant", "The cabinet member for children, Cllr Jane Doe, responded. [1]"),
        ("user", "How much extra did she say was going into children's social care?"),
    )
    assert "January 2023" in asked.question and asked.carried == "in January 2023"
    assert widened(asked) == asked.question.replace("in January 2023", "in 2023")
    answer = ask_resolved(asked, eastshire.ask)
    assert answer.status == "answered", answer.answer
    assert "£2 million" in answer.answer


def test_a_typed_period_is_never_widened() -> None:
    asked = chat(
        ("user", "Which councillor responded to Eastshire's report?"),
        ("assistant", "The cabinet member for children, Cllr Jane Doe, responded. [1]"),
        ("user", "What did she say in January 2023?"),
    )
    assert asked.carried == "" and widened(asked) is None


REVIEW_PAGE = """Eastshire to get a children's commissioner

Published 27 March 2014

The review of Eastshire's children's services, which was commissioned last November by the \
government and carried out by Professor Jane Doe, recommends a commissioner.
"""


def test_a_year_before_a_record_noun_says_which_record() -> None:
    assert names_record("Who led the ", " review of Eastshire's services?")
    assert names_record("What did its ", " Ofsted inspection find?")
    assert not names_record("What did Ofsted find in ", "?")
    (period,) = analyse("Who led the 2014 review of Eastshire's children's services?").periods
    assert period.names_record


def test_the_page_of_the_year_answers_who_led_that_years_review(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    assistant = page_assistant(
        tmp_path_factory, embedder, "eastshire-commissioner-2014.txt", REVIEW_PAGE
    )
    try:
        answer = assistant.ask("Who led the 2014 review of Eastshire's children's services?")
        assert answer.status == "answered", answer.answer
        assert "Jane Doe" in answer.answer
    finally:
        assistant.close()


LATER_PAGE = """Eastshire's children's services to move to a trust

Published 24 May 2016

The toddler at the centre of the review had 37 separate injuries on his body.

The review into his death was published in 2013.
"""


def test_a_later_page_reports_the_review_a_year_names(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    assistant = page_assistant(tmp_path_factory, embedder, "eastshire-trust-2016.txt", LATER_PAGE)
    try:
        answer = assistant.ask(
            "How many injuries did the toddler in the 2013 Eastshire review have?"
        )
        assert answer.status == "answered", answer.answer
        assert "37" in answer.answer
    finally:
        assistant.close()


def test_the_previous_month_named_counts_back_from_the_period_asked() -> None:
    asked = chat(
        ("user", "How many social work posts could Eastshire not fill in April 2008?"),
        ("assistant", "There were 132 vacancies. [1]"),
        ("user", "And the previous September, how many posts were empty?"),
    )
    assert asked.question == "How many posts were empty in September 2007?"


OTHER_EVENT = """Eastshire children's services rated inadequate again

Eastshire's children's services have been rated inadequate by Ofsted for a second time.

It comes after a review of Eastshire's children's services in the wake of toddler Sam Roe's \
murder in 2020.
"""


def test_a_date_that_belongs_to_another_event_does_not_say_when(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    assistant = page_assistant(tmp_path_factory, embedder, "eastshire-again.txt", OTHER_EVENT)
    try:
        answer = assistant.ask(
            "When did Ofsted rate Eastshire's children's services inadequate again?"
        )
        assert "2020" not in answer.answer, answer.answer
    finally:
        assistant.close()

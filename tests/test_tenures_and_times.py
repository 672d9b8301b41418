"""The eighteenth round (pages written here about Northtown, no real council; Jo Vey, Kit Dale,
Lee Moss and Sam Roe are no real people). A page telling a post's holders in turn under
tenure headings ("Kit Dale (Jan 2011 - April 2012)") tells who followed whom. A count "since
2009" is not the count since 2006. "In charge" asks who led, not who was "charged". "What
did the review give as …?" names the record that says it. A follow-up's "then" is the time
the last answer gave. A phrasal verb means its one-word verb: "stepped in" is "intervened"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.candidates import tenure_heading
from assistant.answer.demands import asks_predecessor, unmet
from assistant.answer.figures import unit_of
from assistant.answer.periods import counts_from
from assistant.answer.question import analyse
from assistant.answer.tokens import phrasal_meanings, stem, stems
from assistant.engine import Assistant
from index import Embedder

from .conftest import chat, page_assistant

HEADS = """Northtown children's services: changing heads

Northtown Council's children's department has had three directors since 2009.

Jo Vey (April 2006 - Jan 2011)

Jo Vey started as director of children's services in April 2006. She retired in January 2011.

Kit Dale (Jan 2011 - April 2012)

Appointed interim director on a 12 month contract in 2011. She was paid £900 a day.

While Kit Dale led the department, Sam Roe was murdered by his father in March 2011. Police
charged the father with murder in May 2011.

Lee Moss (April 2012 - July 2013)

Started in April 2012 but left after just 15 months.
"""


@pytest.fixture(scope="module")
def heads(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page of a post's holders in turn, written for the test."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-heads.txt", HEADS)
    yield assistant
    assistant.close()


def test_who_followed_someone_is_the_next_tenure_heading(heads: Assistant) -> None:
    answer = heads.ask("Who took over after Kit Dale?")
    assert answer.status == "answered", answer.answer
    assert "Lee Moss (April 2012 - July 2013)" in answer.answer
    assert "Started in April 2012" in answer.answer
    succeeded = heads.ask("Who succeeded Jo Vey?")
    assert succeeded.status == "answered", succeeded.answer
    assert "Kit Dale (Jan 2011 - April 2012)" in succeeded.answer


def test_the_last_holder_on_the_page_has_no_successor_told(heads: Assistant) -> None:
    answer = heads.ask("Who took over after Lee Moss?")
    assert answer.status == "not_found", answer.answer


def test_a_count_since_one_year_is_not_the_count_since_another(heads: Assistant) -> None:
    same = heads.ask("How many directors has Northtown's children's department had since 2009?")
    assert same.status == "answered", same.answer
    assert "three directors since 2009" in same.answer
    other = heads.ask("How many directors has Northtown's children's department had since 2006?")
    assert other.status == "not_found", other.answer
    assert "2009" in other.answer  # what the records do give


def test_in_charge_asks_who_led_not_who_was_charged(heads: Assistant) -> None:
    question = analyse("Who was in charge when Sam Roe was murdered?")
    assert "charge" not in question.term_words and "lead" in question.term_words
    answer = heads.ask("Who was in charge when Sam Roe was murdered?")
    assert answer.status == "answered", answer.answer
    assert "While Kit Dale led the department" in answer.answer
    assert not answer.answer.startswith("Police charged")


def test_a_record_saying_the_answer_is_its_source_not_its_words() -> None:
    question = analyse("What did the review give as the causes of Sam Roe's death?")
    assert "revie" in question.source_terms
    recalled = analyse("What did the 2013 Ofsted report say about Northtown's social care?")
    assert not recalled.record_periods  # a later page may recall the 2013 report
    assert [p.label for p in recalled.periods] == ["2013"]


def test_then_in_a_follow_up_is_the_time_the_last_answer_gave() -> None:
    resolution = chat(
        ("user", "When did the board publish the review?"),
        ("assistant", "27 July 2010: The Board today publishes the review. [1]"),
        ("user", "Who chaired the board then?"),
    )
    assert resolution.question == "Who chaired the board on 27 July 2010?"
    happened = chat(
        ("user", "When did the board publish the review?"),
        ("assistant", "27 July 2010: The Board today publishes the review. [1]"),
        ("user", "What happened then?"),
    )
    assert "2010" not in happened.question  # "then" here is "next"


def test_who_came_before_someone_is_the_previous_tenure_heading(heads: Assistant) -> None:
    answer = heads.ask("Who did Lee Moss replace?")
    assert answer.status == "answered", answer.answer
    assert "Kit Dale (Jan 2011 - April 2012)" in answer.answer
    before = heads.ask("Who was director before Kit Dale?")
    assert before.status == "answered", before.answer
    assert "Jo Vey (April 2006 - Jan 2011)" in before.answer
    assert heads.ask("Who came before Jo Vey?").status == "not_found"


def test_a_phrasal_verb_means_its_one_word_verb() -> None:
    found = phrasal_meanings("People who could have stepped in; she was taken out of school.")
    assert [meaning for _, _, meaning in found] == ["intervene", stem("withdraw")]
    assert not phrasal_meanings("He stepped forward in 2010.")  # no particle of "step in"
    assert "intervene" in stems("at least 30 individuals who could have intervened")
    assert "inter" not in stems("Ofsted intervened")  # not the stem of "interim"
    question = analyse("How many people could have stepped in to save Sam Roe?")
    assert "intervene" in question.terms and "step" not in question.terms


def test_the_council_picked_out_what_the_reference_statement_says_it_identified(
    reference: Assistant,
) -> None:
    answer = reference.ask(
        "Apart from the review's recommendations, how many extra improvement areas did the "
        "council pick out for itself?"
    )
    assert answer.status == "answered", answer.answer
    assert "28 areas" in answer.answer


def test_a_role_now_carried_out_by_someone_tells_who_followed() -> None:
    asked = "Who took over Jo Vey's commissioner job?"
    assert unmet(asked, "The commissioner role will now be carried out by Sam Roe.", set()) is None
    assert unmet(asked, "Jo Vey was paid £900 a day.", set()) == "succession"
    assert "conti" in analyse("Until when was she going to stay on?").terms  # "carry on"


def test_what_the_new_rules_leave_alone() -> None:
    """Cases a review of this round found the first forms of these rules got wrong."""
    assert not tenure_heading("Annual Report (2010)")  # a record, not a holder of a post
    assert not asks_predecessor("Who was director before Jan 2011?")  # a date
    assert not asks_predecessor("Who was director before Ofsted inspected?")  # an event
    assert asks_predecessor("Who was her predecessor?")
    asked = "Who took over after Jo Vey?"
    assert unmet(asked, "She now lives in Spain.", set()) == "succession"
    assert unmet(asked, "Jo Vey took on too many cases.", set()) == "succession"
    assert not phrasal_meanings("The next step in the plan is a review.")  # a noun
    assert not phrasal_meanings("Targets set\nUp to 40 children were seen.")  # two lines
    assert not analyse("What did the children in the report say?").source_terms
    since = analyse("How many directors since 2009?").periods
    assert counts_from(since, ["2009-03"]) and not counts_from(since, ["2006"])
    reply = "27 July 2010: The Board today publishes the review. [1]"
    asked_then = ("user", "When did the board publish the review?"), ("assistant", reply)
    assert chat(*asked_then, ("user", "Who has chaired it since then?")).question.endswith(
        "since then?"
    )
    assert chat(*asked_then, ("user", "What then?")).question == "What then?"


def test_first_before_a_phrasal_verb_is_an_adverb() -> None:
    found = phrasal_meanings("It is better than when the Trust was first set up in 2015.")
    assert [meaning for _, _, meaning in found] == [stem("establish")]


def test_how_much_was_committed_or_pledged_asks_for_money() -> None:
    assert unit_of("How much did the council commit in 2014 to improve services?") == "money"
    assert unit_of("How much has Northtown pledged?") == "money"
    assert unit_of("How much did the vacancy rate drop?") == "share"

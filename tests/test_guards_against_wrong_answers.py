"""Guards a review of the eleventh round asked for, each on wording written for the test
(Northtown is no real council; Jane Doe, John Doe and Jane Smith are no real people): each
keeps one of the round's mechanisms from giving a wrong answer or a wrong verdict."""

from __future__ import annotations

from assistant.answer.intent import answer_type, names_author
from assistant.answer.question import DOCUMENTS
from assistant.conversation.entities import named
from assistant.conversation.words import names_record
from assistant.factcheck.facts import read_facts
from index import find_dates
from index.furniture import is_furniture


def test_thousands_and_millions_written_short_differ_and_a_height_is_no_sum() -> None:
    assert [f.value for f in read_facts("It saved £10k.", set()).figures] == [10_000.0]
    assert [f.value for f in read_facts("It saved £10m.", set()).figures] == [10.0]
    assert read_facts("A 2m wall was built.", set()).figures == ()


def test_who_after_a_phrase_still_asks_who() -> None:
    assert answer_type("In 2015 who was director of children's services?") == "person"
    assert answer_type("When did the person who was director start?") == "date"


def test_a_year_stays_a_year_before_most_nouns() -> None:
    assert [d.value for d in find_dates("Ofsted's 2014 findings were stark.")] == ["2014"]
    assert [d.value for d in find_dates("Her 2012 remarks were quoted.")] == ["2012"]
    assert find_dates("Then 1900 staff moved across.") != []  # a year lead: "Then"
    assert find_dates("1900 staff moved across.") == []


def test_a_record_by_a_month_names_no_maker_and_a_record_noun_may_be_modified() -> None:
    assert not names_author("The review, due by March 2015, found failings.", DOCUMENTS)
    assert names_author("The review by Jane Doe found failings.", DOCUMENTS)
    assert names_record("the ", " annual report")
    assert names_record("the ", " serious case review")
    assert not names_record("the ", " figures show the review")


def test_a_possessive_person_after_in_is_still_a_person() -> None:
    assert [p.name for p in named("What happened in Jane Doe's case?").people] == ["Jane Doe"]
    assert named("Doe, formerly of Hay Mills, Northtown, was jailed.").people == ()


def test_a_long_paragraph_mentioning_a_browser_is_no_furniture() -> None:
    assert is_furniture("Your browser is no longer supported")
    text = (
        "Parents said the council website did not work in your browser and so they could"
        " not apply for help last year, the report found."
    )
    assert not is_furniture(text)

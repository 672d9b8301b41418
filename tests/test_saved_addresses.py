"""Pages saved with their address and news-site furniture, and questions of the twelfth
round's probe over real public pages (written here about Northtown, no real council; Sam Roe
and Jane Doe are no real people): a "Source: https://…" line is no title and no heading, and
its path dates the page; a section label above a headline, a login box and a sponsor bar run
together are no titles; "On what date did X die?" matches "X died on …"; "What time …?" asks
for a time of day; "rate as requires improvement" names the grade asked; and the date of a
coverage names which record is meant."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.intent import answer_type, judged_grades, people_parts, satisfies
from assistant.answer.periods import sentence_dates
from assistant.answer.question import analyse
from assistant.answer.tokens import stem
from assistant.conversation.entities import named
from assistant.conversation.words import names_record
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from index import Embedder
from index.cleaning import clean_text
from index.inference import day_in_address, infer_title

from .conftest import add_pages, chat, page_assistant

SAVED = """Source: https://news.example.org/northtown/2016/may/24/sam-roe-review
Northtown & Eastshire

Sam Roe review: agencies missed chances to help

Sam Roe died on 9 January 2011 at his home in Northtown.

The review was chaired by Jane Doe, who said the agencies had lost sight of the boy.

Death was pronounced at 06.25am, the review records.
"""


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The saved page, ingested once (its text gives no date of its own)."""
    assistant = page_assistant(tmp_path_factory, embedder, "sam-roe-review.txt", SAVED)
    yield assistant
    assistant.close()


def test_the_address_path_dates_a_page_whose_text_gives_none() -> None:
    assert day_in_address("Source: https://a.example/news/2016-05-24/story\nText") == "2016-05-24"
    assert day_in_address("https://a.example/2017/05/10/story/\n") == "2017-05-10"
    assert day_in_address("Source: https://a.example/news/uk-27522127\n") is None
    assert day_in_address("Text first\nand https://a.example/2017/05/10/x/ later") is None
    assert day_in_address("https://a.example/2019/02/30/story\n") is None  # no such day
    assert day_in_address("Source: https://a.example/news/2010/jul/story\n") == "2010-07"


def test_address_line_and_section_label_are_no_title(saved: Assistant) -> None:
    (document,) = saved.store.documents()
    assert document.title == "Sam Roe review: agencies missed chances to help"
    assert document.date == "2016-05-24"


def test_a_title_case_subtitle_stays_below_its_title() -> None:
    text = "Improvement Plan\n\nBetter Outcomes For Our Children\n\nThe council has a plan.\n"
    assert infer_title(clean_text(text)) == "Improvement Plan"


def test_login_boxes_and_sponsor_bars_are_no_titles() -> None:
    text = (
        "username\n\npassword\n\nNorthtown LegalEastshire DailyWestshire Week\n\n"
        "Sam Roe review published\n\nAgencies missed chances.\n"
    )
    assert infer_title(clean_text(text)) == "Sam Roe review published"


def test_the_address_line_heads_nothing(saved: Assistant) -> None:
    answer = saved.ask("Who chaired the Sam Roe review?")
    assert answer.status == "answered", answer.answer
    assert "Jane Doe" in answer.answer
    assert "Source" not in answer.answer


def test_on_what_date_did_they_die_matches_died_on(saved: Assistant) -> None:
    assert stem("died") == stem("die") == stem("dying")
    answer = saved.ask("On what date did Sam Roe die?")
    assert answer.status == "answered", answer.answer
    assert "9 January 2011" in answer.answer


def test_what_time_asks_for_a_time_of_day(saved: Assistant) -> None:
    assert answer_type("At what time was the boy pronounced dead?") == "clock"
    assert answer_type("What time of year did the visit happen?") != "clock"
    assert satisfies("clock", "Death was pronounced at 06.25am.")
    assert not satisfies("clock", "The review was published in 2011.")
    answer = saved.ask("What time did Jane Doe's review meeting finish?")
    assert answer.status == "not_found", answer.answer


def test_rate_as_names_the_grade_asked() -> None:
    asked = "What share of councils did the report rate as requires improvement?"
    assert judged_grades(asked) == frozenset({"requires improvement"})


def test_the_date_of_a_coverage_names_which_record_is_meant() -> None:
    assert names_record("according to the ", " coverage of the review")
    assert names_record("in the ", " article")


VISITS = """Latest focused visits

Ofsted has published the outcomes of a series of focused visits to children's services.

Inspectors visited Northtown's children's services on 20 and 21 February 2024 to look at \
the arrangements for children in need.

Inspectors visited Eastshire's children's services on 6 and 7 March 2024 to look at the \
arrangements for care leavers.
"""


OTHER_PAGES = {
    "budget.txt": "Council budget agreed\n\nThe council agreed its budget for the year.\n",
    "schools.txt": "School places\n\nMore school places will be built across the county.\n",
    "roads.txt": "Road repairs\n\nRepairs to main roads will start in the spring.\n",
}


def test_a_claim_dated_to_the_day_is_supported_in_other_words(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    assistant = page_assistant(tmp_path_factory, embedder, "visits.txt", VISITS)
    add_pages(assistant, tmp_path_factory, OTHER_PAGES)  # so a council's name is rare
    try:
        checker = FactChecker.of(assistant)
        said = checker.check(
            "Northtown received an Ofsted focused visit on 20 and 21 February 2024."
        )
        assert said.verdict == "supported", said.explanation
        assert "Northtown's" in said.citations[0].evidence.quote
        other = checker.check(
            "Eastshire received an Ofsted focused visit on 20 and 21 February 2024."
        )
        assert other.verdict != "supported", other.explanation
    finally:
        assistant.close()


def test_over_what_period_asks_more_of_the_previous_question() -> None:
    asked = chat(
        ("user", "How much extra did Jane Doe say the service needed?"),
        ("assistant", "She said it needed £10m more."),
        ("user", "Over what period?"),
    )
    assert asked.question == "How much extra did Jane Doe say the service needed, over what period?"


def test_a_dateline_is_no_person() -> None:
    found = named("Tue Jul 27 2010 Sam Roe: extracts from the review")
    assert [p.name for p in found.people] == ["Sam Roe"]


def test_a_date_in_a_clause_about_someone_else_does_not_date_the_sentence() -> None:
    said = "She takes over as director from John Roe, who the council appointed in April 2014."
    assert sentence_dates(said, None, True) == []
    both = "Jane Doe, who was appointed in April 2014, left in 2016."
    assert [d[0] for d in sentence_dates(both, None, True)] == ["2016"]


def test_taking_over_and_becoming_are_read_as_they_are_meant() -> None:
    assert "tak" in analyse("Who did Jane Doe take over from?").terms
    assert "tak" not in analyse("How long did it take?").terms
    assert analyse("Who became the commissioner in 2015?").terms == ("commi",)


TAKEOVER = """Northtown names new commissioner

Thursday, 17 December 2015

Jane Doe has been appointed as the new commissioner for children's services in Northtown.

She takes over as commissioner from John Roe, who the department appointed in April 2014.

Councillors said they looked forward to working with Jane Doe.
"""


def test_who_she_took_over_from_in_the_month_of_the_page(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    assistant = page_assistant(tmp_path_factory, embedder, "takeover.txt", TAKEOVER)
    add_pages(assistant, tmp_path_factory, OTHER_PAGES)
    try:
        answer = assistant.ask("Who did Jane Doe take over from in December 2015?")
        assert answer.status == "answered", answer.answer
        assert "John Roe" in answer.answer
    finally:
        assistant.close()


SENTENCED = """Northtown review: the sentences

Jane Doe was convicted of murder and was sentenced to 18 years in prison.

Her partner John Roe was convicted of cruelty and received a nine-month suspended sentence.
"""


def test_a_question_about_two_people_is_asked_of_each(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    assert people_parts("What sentences did Jane Doe and John Roe get?") == [
        "What sentences did Jane Doe get?",
        "What sentences did John Roe get?",
    ]
    assert people_parts("What did Northtown and Eastshire say?") == [
        "What did Northtown and Eastshire say?"
    ]
    assistant = page_assistant(tmp_path_factory, embedder, "sentenced.txt", SENTENCED)
    add_pages(assistant, tmp_path_factory, OTHER_PAGES)
    try:
        answer = assistant.ask("What sentences did Jane Doe and John Roe get?")
        assert answer.status == "answered", answer.answer
        assert "18 years" in answer.answer and "nine-month" in answer.answer
    finally:
        assistant.close()

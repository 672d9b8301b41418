"""Rules shown on one small page written for the test (Northtown is no real council): dates
by clause, grades asked, 'only some' against 'all', 'the first time', near-synonym verbs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.intent import answer_type, judged_grades, offices_asked
from assistant.answer.question import analyse, measures
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from assistant.factcheck.claim import modal_verbs
from index import Embedder

from .conftest import page_assistant

PAGE = """Northtown children's trust rated inadequate

Published 14 June 2019

The Northtown children's trust did not start work until April 2017, and was rated \
inadequate in 2018 after a full inspection.

Inspectors found that leadership was good in all key areas of the fostering service.

Three Northtown children's homes were judged inadequate at their last inspection.

The new family support service will start in September 2019, the director, Jane Doe, said.

The sickness absence rate of Northtown's social workers fell to 4 per cent in May 2019.

The Northtown department is due to be taken over by a new trust in April, after years of poor \
performance and being rated inadequate in 2016.

Inspectors visited Northtown's fostering service on 31 January and 1 February 2019 to examine \
its arrangements.

The review of Northtown's adoption service was carried out by Ofsted and the Care Quality \
Commission in May 2019.

Northtown's adoption service has now been judged good, after being rated inadequate in 2016.

Ofsted found a third of 39 Northtown settings inspected less than good.

The judgements on areas of Northtown's fostering service that made up the overall judgement are:

Recruitment of carers - inadequate

Support for carers - requires improvement

Matching of children - inadequate

The government confirmed that John Roe had been put in place as the commissioner for Northtown.

The direction stated: “He will issue any necessary instructions to the council.

In a letter written after the visit, Her Majesty's Inspector Mary Major said progress was slow.

The Northtown serious case review was published by the board chair, Alan Smithee, in 2019.

The review looked at the death of two-year-old Sam Roe in 2017.
"""


@pytest.fixture(scope="module")
def northtown(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page ingested once for this module."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-trust-2019.txt", PAGE)
    yield assistant
    assistant.close()


@pytest.fixture(scope="module")
def checker(northtown: Assistant) -> FactChecker:
    return FactChecker.of(northtown)


@pytest.mark.parametrize(
    ("question", "date", "not_date"),
    [
        # the date of the clause saying what was done, not the clause naming the trust
        ("When was the Northtown children's trust rated inadequate?", "2018", "April 2017"),
        ("In which month did the Northtown children's trust start work?", "April 2017", "2018"),
    ],
)
def test_a_date_answers_the_clause_holding_what_was_asked(
    northtown: Assistant, question: str, date: str, not_date: str
) -> None:
    answer = northtown.ask(question)
    assert answer.status == "answered", answer.answer
    lead = answer.answer.split(":")[0]
    assert date in lead and not_date not in lead, answer.answer


def test_a_grade_asked_must_be_the_grade_the_record_gives(northtown: Assistant) -> None:
    # the page judges three homes inadequate; it says nothing of outstanding ones
    asked = northtown.ask("How many Northtown children's homes were judged outstanding?")
    assert asked.status == "not_found", asked.answer
    given = northtown.ask("How many Northtown children's homes were judged inadequate?")
    assert given.status == "answered" and "Three" in given.answer


def test_the_grades_a_question_says_were_given() -> None:
    assert judged_grades("How many homes were judged outstanding?") == {"outstanding"}
    assert judged_grades("Which areas were rated as requires improvement?") == {
        "requires improvement"
    }
    assert not judged_grades("Which areas were not rated good?")  # denied, not given


@pytest.mark.parametrize(
    ("claim", "verdict", "note"),
    [
        # "only some of the key areas" against "all key areas": the whole is not a part
        (
            "Inspectors found leadership was good in only some of the key areas of the"
            " fostering service.",
            "contradicted",
            "all key areas",
        ),
        # the page says it was rated inadequate, not that this was the first time
        (
            "The Northtown children's trust was rated inadequate for the first time in 2018.",
            "not_found",
            "the first time",
        ),
        # "begin" means "start" by the model's word vectors
        ("The new family support service will begin in September 2019.", "supported", ""),
    ],
)
def test_claims_in_other_words(checker: FactChecker, claim: str, verdict: str, note: str) -> None:
    result = checker.check(claim)
    assert result.verdict == verdict, result.explanation
    assert note in result.explanation


def test_a_verb_after_a_modal_is_a_verb_not_a_hedge() -> None:
    assert modal_verbs("The unit will close next year.") == {"close"}
    assert modal_verbs("The unit will now be closed.") == {"closed"}
    assert not modal_verbs("The rate was close to 15 per cent.")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What was the name of the trust set up to run the services?", "body"),
        ("What is the name of the chair of the board?", "person"),
        ("What was the name of the director?", "person"),
    ],
)
def test_the_name_of_asks_for_a_body_or_a_person(question: str, kind: str) -> None:
    assert answer_type(question) == kind


def test_which_years_and_in_which_month_ask_when() -> None:
    assert analyse("Which years did Northtown miss its targets?").asks_when
    assert analyse("In which month was the Northtown trust set up?").asks_when


def test_a_rate_of_one_thing_does_not_answer_for_another(northtown: Assistant) -> None:
    other = northtown.ask("What was the vacancy rate of Northtown's social workers in May 2019?")
    assert other.status == "not_found", other.answer
    same = northtown.ask("What was the sickness rate of Northtown's social workers in May 2019?")
    assert same.status == "answered" and "4 per cent" in same.answer
    assert measures("the sickness absence rate")["rat"][-1] == "absen"
    assert measures("(latest figures available)") == {}  # which figures, not what of


def test_the_name_of_a_relation_needs_the_relation() -> None:
    assert offices_asked("What was the name of Jane Doe's mother?") == {"mother"}
    assert offices_asked("What was the name of the director?") == {"director"}


def test_a_date_of_another_clause_does_not_lead_the_answer(northtown: Assistant) -> None:
    # "… taken over by a new trust in April, after … rated inadequate in 2016": 2016 dates
    # the rating, not the take-over; the sentence is quoted without a lead date
    answer = northtown.ask("When will a trust take over the Northtown department?")
    assert answer.status == "answered", answer.answer
    assert not answer.answer.startswith("2016"), answer.answer
    assert "in April" in answer.answer
    # "on 31 January and 1 February 2019": the "and" of two days is no clause break
    visit = northtown.ask("When did inspectors visit Northtown's fostering service?")
    assert visit.answer.startswith("1 February 2019"), visit.answer


@pytest.mark.parametrize(
    ("claim", "verdict", "note"),
    [
        # "by Ofsted and the Care Quality Commission": not Ofsted on its own
        (
            "The review of Northtown's adoption service was carried out by Ofsted on its own.",
            "contradicted",
            "Ofsted and the Care Quality Commission",
        ),
        # "after being rated inadequate in 2016" is a past grade: no other grade for now
        ("Northtown's adoption service has been judged good.", "supported", ""),
        ("Northtown's adoption service was rated inadequate.", "not_found", "past judgement"),
        # 39 counts the settings inspected: "six of the settings" is a part of them; and
        # "less than good" gives no grade "good"
        (
            "Six of the Northtown settings inspected were rated inadequate.",
            "not_found",
            "the whole (39)",
        ),
    ],
)
def test_alone_past_grades_and_parts(
    checker: FactChecker, claim: str, verdict: str, note: str
) -> None:
    result = checker.check(claim)
    assert result.verdict == verdict, result.explanation
    assert note in result.explanation


@pytest.mark.parametrize(
    ("question", "items", "not_items"),
    [
        # "parts" asks for the areas a lead-in line lists; the grade is what items give
        (
            "Which parts of Northtown's fostering service were judged inadequate?",
            ["Recruitment of carers", "Matching of children"],
            ["Support for carers"],
        ),
        (
            "Which areas of Northtown's fostering service required improvement?",
            ["Support for carers"],
            ["Recruitment of carers"],
        ),
    ],
)
def test_a_list_question_takes_the_items_its_lead_in_names(
    northtown: Assistant, question: str, items: list[str], not_items: list[str]
) -> None:
    answer = northtown.ask(question)
    assert answer.status == "answered", answer.answer
    assert all(i in answer.answer for i in items), answer.answer
    assert not any(i in answer.answer for i in not_items), answer.answer


@pytest.mark.parametrize(
    "question", ["What will the Northtown commissioner do?", "What was John Roe asked to do?"]
)
def test_what_will_someone_do_is_answered_by_what_is_to_come(
    northtown: Assistant, question: str
) -> None:
    # not the sentence saying he was put in place, but the one saying what he will do
    answer = northtown.ask(question)
    assert answer.status == "answered", answer.answer
    assert "will issue any necessary instructions" in answer.answer


def test_a_role_asked_with_a_word_before_it_is_a_role() -> None:
    assert answer_type("What is Cllr Jane Doe's cabinet role?") == "role"


def test_two_capitals_are_a_short_form_not_a_name_the_records_must_write(
    northtown: Assistant,
) -> None:
    # "HM" is written out as "Her Majesty's": no refusal for a name no record mentions
    answer = northtown.ask("Which HM Inspector wrote the letter after the visit?")
    assert answer.status == "answered", answer.answer
    assert "Mary Major" in answer.answer


def test_whose_asks_for_the_person_of_the_thing_named(northtown: Assistant) -> None:
    # "Whose death …?": the sentence about the death, not one naming the board's chair
    answer = northtown.ask("Whose death did the Northtown serious case review look at?")
    assert answer.status == "answered", answer.answer
    assert "Sam Roe" in answer.answer and "Smithee" not in answer.answer, answer.answer

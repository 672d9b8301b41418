"""The sixteenth round (pages written here about Northtown, no real council; Jo Vey, Sam Roe
and Kit Dale are no real people): "her partner" in a follow-up is the person the previous
answer names as her partner; a sentence opening with "He" or "She" holds the name of the
person asked about when the sentence before in its paragraph gives it; a sentence giving a
grade tells what an inspectorate concluded, and a claim that it "rated" a grade is checked
against a sentence saying it "judged" one; "the one target" counts nothing; "two of the
recommendations" is a part of the "12 recommendations", which is no rival count of it;
someone who took up a post before the year asked, on a page of that year, held it then;
"how long did they spend …?" asks for a duration, and "spend" only frames it; "take over
from" says whom someone replaced."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import numpy as np
import pytest

from assistant.answer.candidates import Span
from assistant.answer.figures import unit_of
from assistant.answer.scoring import Query, person_pointed_at
from assistant.answer.tokens import stems
from assistant.conversation import Turn, resolve
from assistant.conversation.entities import role_holder
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from assistant.factcheck.facts import read_facts
from index import Embedder

from .conftest import page_assistant

TRIAL = """Northtown mother convicted

A Northtown mother has today been found guilty of the death of her son, Kit Dale.

His mother Jo Vey, aged 25, and her then partner Sam Roe, aged 32, were arrested in
connection with his death in January 2011 and after a long police investigation, the pair
were charged with the child's murder in December 2011.

After three days the jury returned a unanimous guilty verdict for Vey. Roe was found not
guilty of murdering Kit and of causing or allowing the child's death. He was convicted of a
further charge of wilful assault against Kit.

Vey and Roe will now wait to be sentenced tomorrow.
"""

CONVICTED = "Jo Vey was convicted of murder. [1] His mother Jo Vey, aged 25, and her then partner"
ANSWER = f"{CONVICTED} Sam Roe, aged 32, were arrested in January 2011. [2]"


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-trial-2013.txt", TRIAL)
    yield assistant
    assistant.close()


def test_a_role_held_towards_someone_is_named_by_the_answer() -> None:
    assert role_holder(ANSWER, "partner") == "Sam Roe"
    assert role_holder(ANSWER, "deputy") is None  # the answer names no deputy
    assert role_holder(ANSWER, "death") is None  # no role word


def test_her_partner_is_the_person_the_answer_named_so() -> None:
    """Before, "her partner" became "Jo Vey's partner", and the answer was about Jo Vey."""
    turns = [
        Turn("user", "Who was convicted of murdering Kit Dale?"),
        Turn("assistant", ANSWER),
        Turn("user", "And what was her partner convicted of?"),
    ]
    resolution = resolve(turns)
    assert resolution.question == "What was Sam Roe convicted of?"


def test_he_after_her_partner_is_the_partner() -> None:
    """ "her" stood for Jo Vey, not for the partner the question then named: "he" may."""
    turns = [
        Turn("user", "Who was convicted of murdering Kit Dale?"),
        Turn("assistant", ANSWER),
        Turn("user", "And what was her partner convicted of?"),
        Turn("assistant", "He was convicted of a further charge of wilful assault. [1]"),
        Turn("user", "How old was he?"),
    ]
    assert resolve(turns).question == "How old was Sam Roe?"


def test_a_sentence_opening_with_he_holds_the_person_named_before(trial: Assistant) -> None:
    """ "He was convicted of …" names nobody; the sentence before names Roe, and Sam Roe is
    asked about by his full name."""
    answer = trial.ask("What was Sam Roe convicted of?")
    assert answer.status == "answered", answer.answer
    best = max(answer.citations, key=lambda c: c.evidence.score)
    assert "wilful assault" in best.evidence.quote, answer.answer


def _sentence(text: str, previous: str, *, same_paragraph: bool = True) -> SimpleNamespace:
    """A stand-in for a candidate sentence: only what the rule reads."""
    before = Span(previous, 0, len(previous))
    return SimpleNamespace(text=text, previous=before, same_paragraph=same_paragraph)


def test_he_holds_the_asked_persons_names_from_the_sentence_before() -> None:
    """The sentence before calls him "Roe"; the question says "Sam Roe": both are held."""
    query = Query(
        np.zeros(3),
        {t: 1.0 for t in stems("Sam Roe convicted")},
        "any",
        {},
        people=frozenset(stems("Sam Roe")),
        first_names={"roe": "Sam"},
    )
    convicted = "He was convicted of a further charge."
    before = "Roe was found not guilty of murder."
    assert person_pointed_at(_sentence(convicted, before), query) == stems("Sam Roe")
    assert person_pointed_at(_sentence(convicted, before, same_paragraph=False), query) == set()
    assert person_pointed_at(_sentence("The court convicted him.", before), query) == set()
    assert person_pointed_at(_sentence(convicted, "Vey was found guilty."), query) == set()


PLAN = """Improving children's services in Northtown

We work with nearly 4,000 children and young people and their families every year.

Early in 2020, Ofsted carried out a three-week inspection of our children's services. The
overall judgement was 'inadequate'. We wrote to our partners to set out the report.

We need to do some things better, and this plan sets out what we will do.
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-improvement-plan.txt", PLAN)
    yield assistant
    assistant.close()


def test_what_was_concluded_is_told_by_the_grade_given(plan: Assistant) -> None:
    """No record says "conclude"; the sentence that gives the grade says what was concluded."""
    answer = plan.ask("What did Ofsted conclude about Northtown's children's services in 2020?")
    assert answer.status == "answered", answer.answer
    assert "inadequate" in answer.citations[0].evidence.quote


def test_the_one_thing_is_no_count() -> None:
    """ "the one target still stubborn" picks a target out; "one of the targets" counts."""
    assert read_facts("The one target left concerns recruitment.", set()).figures == ()
    assert read_facts("Every one of the areas was completed.", set()).figures == ()
    assert [f.value for f in read_facts("One of the targets was missed.", set()).figures] == [1]


def test_the_one_target_left_is_not_contradicted_by_the_other_counts(reference: Assistant) -> None:
    """Before, "one" was read as a count and "four, eight and three" contradicted it."""
    claim = "The one target the council still struggles with concerns recruiting social workers."
    assert FactChecker.of(reference).check(claim).verdict != "contradicted"


def test_a_rated_grade_is_checked_against_the_judged_one(reference: Assistant) -> None:
    """The record says "judged … to be inadequate"; the claim says "rated … good"."""
    checker = FactChecker.of(reference)
    wrong = checker.check("Ofsted rated safeguarding in Birmingham good in December 2008.")
    assert wrong.verdict == "contradicted", wrong.explanation
    right = checker.check("Ofsted rated safeguarding in Birmingham inadequate in December 2008.")
    assert right.verdict == "supported", right.explanation


def test_a_change_of_grade_is_not_contradicted_by_one_grade(plan: Assistant) -> None:
    """Two grades in a claim tell a change; the one sentence giving one of them is no conflict."""
    claim = "Northtown was rated good only two years after Ofsted judged it inadequate in 2020."
    assert FactChecker.of(plan).check(claim).verdict != "contradicted"


def test_the_whole_is_no_rival_count_of_its_part(reference: Assistant) -> None:
    """ "12 recommendations … a further two, which emerged from the criminal trial": before,
    the 12 was read as another count of the two, and nothing was found."""
    checker = FactChecker.of(reference)
    claim = (
        "Two of the recommendations, which came out of the criminal trial, are still being"
        " put in place."
    )
    assert checker.check(claim).verdict == "supported"
    three = claim.replace("Two", "Three")
    assert checker.check(three).verdict != "supported"


CONDEMNED = """Northtown children's services condemned as inadequate

Northtown's children's services were judged inadequate by an Ofsted inspection carried out
between 23 January and 16 February 2017.

Some services have deteriorated since the last inspection, published in 2012. The Director
of Children's Services Jo Vey took up an interim position in July 2015 before her permanent
appointment in March 2016. Senior leaders have not challenged weak management oversight.
"""


@pytest.fixture(scope="module")
def condemned(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test (undated: no manifest, no byline)."""
    name = "northtown-condemned.txt"
    assistant = page_assistant(tmp_path_factory, embedder, name, CONDEMNED)
    yield assistant
    assistant.close()


def test_who_held_a_post_at_a_later_inspection(condemned: Assistant) -> None:
    """She took the post in 2015 and 2016; the page tells of the 2017 inspection and of no
    leaving: she was the director then. Before 2015 she was not."""
    asked = "Who was Northtown's director of children's services at the 2017 inspection?"
    answer = condemned.ask(asked)
    assert answer.status == "answered", answer.answer
    assert "Jo Vey" in answer.citations[0].evidence.quote
    earlier = condemned.ask("Who was Northtown's director of children's services in 2014?")
    assert earlier.status == "not_found", earlier.answer


def test_how_long_asks_for_a_duration_whatever_its_verb() -> None:
    assert unit_of("How long did Ofsted spend inspecting?") == "duration"
    assert unit_of("How old was the social worker paid to supervise?") == "age"
    assert unit_of("How much did the council spend?") == "money"


def test_how_long_they_spent_is_told_by_a_three_week_inspection(plan: Assistant) -> None:
    """No record says "spend": "a three-week inspection" says how long it took."""
    answer = plan.ask("How long did Ofsted spend inspecting Northtown in 2020?")
    assert answer.status == "answered", answer.answer
    assert "three-week" in answer.citations[0].evidence.quote


COMMISSIONER = """New commissioner for Northtown children's services

Jo Vey has been appointed as the new independent commissioner for Northtown's children's
services, the Department for Education said today.

Ms Vey will take over from Sam Roe, whose term of office ended earlier in the year.
Ms Vey is currently director of children's services in Eastshire.

The children's minister, Kit Dale, said Ms Vey would report on the services as
commissioner within six months.
"""


@pytest.fixture(scope="module")
def commissioner(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> Iterator[Assistant]:
    """A page written for the test."""
    name = "northtown-commissioner-2015.txt"
    assistant = page_assistant(tmp_path_factory, embedder, name, COMMISSIONER)
    yield assistant
    assistant.close()


def test_whom_someone_replaced_is_told_by_take_over_from(commissioner: Assistant) -> None:
    """No record says "replace"; "will take over from Sam Roe" says whom she replaced."""
    answer = commissioner.ask("Who did Jo Vey replace as commissioner?")
    assert answer.status == "answered", answer.answer
    assert "Sam Roe" in answer.citations[0].evidence.quote

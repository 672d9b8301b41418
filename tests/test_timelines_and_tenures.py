"""Questions of the thirteenth round's probe over real public pages (written here about
Northtown, no real council; Jane Doe, Sam Roe and Ann Poe are no real people): a timeline's
dated entries head nothing; a year under a tenure heading is dated by the heading; "what
salary" asks for a sum; "her death" answers "when did she die" (as before this round);
"all children" counts no one; "the last recommendation" must be spoken of; and
follow-ups: "the last one" is the last of what was counted, an adverb is dropped, no date
is carried past "after her", "there" is no person, "she" no common name, and a person the
answer names only as whom someone else replaced comes last."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.candidates import dated_entry
from assistant.answer.demands import unmet
from assistant.answer.figures import gives_figure, unit_of
from assistant.conversation import Turn, resolve
from assistant.conversation.entities import cited_text, ranked
from assistant.conversation.parts import parts, without_adverbs
from assistant.engine import Assistant
from index import Embedder

from .conftest import chat, page_assistant

HEADS = """Northtown's changing heads of children's services

The council has had three directors of children's services since 2009.

Jane Doe (Jan 2011 - April 2012)

Appointed interim director on a twelve month contract in 2011. She was reportedly paid £900 a day.

Ann Poe (April 2012 - July 2013)

Started in April 2012 but left after fifteen months.

Failing services: Timeline

May 2008: Sam Roe, 6, dies at his home in Northtown

Feb 2009: Council served with improvement notice by the minister

Oct 2012: Inspectors rate the council's child protection services inadequate

Sam Roe's death in May 2008 followed months of neglect, a review found.
"""


@pytest.fixture(scope="module")
def heads(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page, ingested once."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-heads.txt", HEADS)
    yield assistant
    assistant.close()


def test_a_timeline_entry_heads_nothing() -> None:
    assert dated_entry("Feb 2009: Council served with improvement notice by the minister")
    assert dated_entry("2010 – inspection finds failings")
    assert not dated_entry("March 2007")
    assert not dated_entry("Jane Doe (Jan 2011 - April 2012)")
    assert not dated_entry("Thursday, March 26, 2015")


def test_the_entry_that_says_it_answers_not_the_one_below_it(heads: Assistant) -> None:
    answer = heads.ask("When was the council first served with an improvement notice?")
    assert answer.status == "answered"
    assert "Feb 2009: Council served" in answer.citations[0].evidence.quote


def test_a_year_under_a_tenure_heading_is_dated_by_the_heading(heads: Assistant) -> None:
    answer = heads.ask("Who was brought in as interim director in January 2011?")
    assert answer.status == "answered"
    assert "Jane Doe (Jan 2011 - April 2012)" in answer.answer


def test_what_salary_asks_for_a_sum(heads: Assistant) -> None:
    assert unit_of("What salary was Jane Doe given?") == "money"
    assert unit_of("What fee did the firm earn?") == "money"
    answer = heads.ask("What was Jane Doe reportedly paid?")
    assert answer.status == "answered" and "£900 a day" in answer.answer
    assert heads.ask("What salary was Ann Poe given?").status == "not_found"


def test_her_death_answers_when_she_died(heads: Assistant) -> None:
    answer = heads.ask("When did Sam Roe die?")
    assert answer.status == "answered" and "May 2008" in answer.answer


def test_an_adverb_is_no_part_of_what_it_stands_for() -> None:
    assert without_adverbs("Northtown Children's Trust actually") == "Northtown Children's Trust"
    assert without_adverbs("the council finally") == "the council"
    assert without_adverbs("the family") == "the family"
    resolved = chat(
        ("user", "When did Northtown Children's Trust actually start running services?"),
        ("assistant", "It started on 1 April 2018. [1]"),
        ("user", "How many staff moved across to it?"),
    )
    assert "actually" not in resolved.question
    assert "Northtown Children's Trust" in resolved.question


def test_after_her_drops_the_date_carried_from_before() -> None:
    resolved = chat(
        ("user", "Who was brought in as interim director in January 2011?"),
        ("assistant", "Under “Jane Doe (Jan 2011 - April 2012)”: Appointed in 2011. [1]"),
        ("user", "And who took over after her?"),
    )
    assert resolved.question == "Who took over after Jane Doe?"


def test_whom_a_pronoun_led_sentence_names_comes_after_its_subject() -> None:
    reply = (
        "He takes over as commissioner from Sam Roe, who was appointed in 2014. [1] "
        "Northtown director Jane Doe has been appointed as the new commissioner. [2]"
    )
    found = ranked(cited_text(reply), "Who was made Northtown's commissioner in 2015?")
    assert found.people[0].name == "Jane Doe"


def test_all_counts_only_things_known() -> None:
    asked = frozenset({"how", "many", "children", "died"})
    generic = "We will fulfil our responsibility to all children in our city."
    assert not gives_figure(generic, "count:child", asked, True)
    assert gives_figure("All 12 recommendations were accepted.", "count:recom", asked, True)
    assert gives_figure("All of the children were seen.", "count:child", asked, True)


def test_the_last_one_is_the_last_of_what_was_counted() -> None:
    resolved = chat(
        ("user", "How many recommendations were in the Northtown serious case review?"),
        ("assistant", "The review made 18 recommendations. [1]"),
        ("user", "What was the last one?"),
    )
    assert (
        resolved.question
        == "What was the last recommendation in the Northtown serious case review?"
    )


def test_the_nth_thing_asked_for_must_be_spoken_of() -> None:
    question = "What was the last recommendation in the review?"
    assert unmet(question, "The review began last Saturday.", {"review", "last", "satur"})
    assert unmet(question, "The final recommendation is a campaign.", {"recom", "final"}) is None


def test_how_much_is_no_count_of_a_known_set() -> None:
    asked = frozenset({"how", "much", "did", "the", "council", "commit"})
    assert not gives_figure("The answer to both questions is no.", None, asked, True)
    assert gives_figure("The council pledged £9.2m last year.", None, asked, True)
    assert gives_figure("It was both costly and slow.", None, frozenset({"how", "many"}), True)


def test_there_after_where_was_a_person_is_no_place_named_by_them() -> None:
    resolved = chat(
        ("user", "Where was Andy Roe chief executive before?"),
        ("assistant", "Andy Roe previously worked as Westshire council's chief executive. [1]"),
        ("user", "What was his salary there?"),
    )
    assert "in Andy Roe" not in resolved.question


def test_she_is_no_name_most_records_use() -> None:
    turns = [
        Turn("user", "Which minister served Northtown with its improvement notice?"),
        Turn("assistant", "The records do not say."),
        Turn("user", "Who did she write to?"),
    ]
    resolved = resolve(turns, lambda q: "", lambda name: name == "Northtown")
    assert "Northtown" not in resolved.question


def test_an_owned_noun_is_no_verb_and_it_in_has_it_been_is_empty() -> None:
    asked = "What grade did Northtown's children's social care get from inspectors in 2019?"
    assert parts(asked).subject == "Northtown's children's social care"
    assert parts("What did Jane Doe's report find?").verb == "find"
    resolved = chat(
        ("user", asked),
        ("assistant", "Requires improvement. [1]"),
        ("user", "How long had it been since it was last rated better than inadequate?"),
    )
    assert resolved.question.startswith("How long had it been since Northtown's children's")

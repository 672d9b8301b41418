"""Who and what a follow-up's pronoun stands for, from the eleventh round's probes over real
pages (written here about Northtown, no real council; Jane Doe, John Roe and Sam Roe are no
real people): the sex a record gives a person, a child named by what they are, a place
after "formerly of", a question word that names nothing, an event that takes time, a
person mentioned with their role, and an owner written "Hamlets'"; and, from the twelfth
round, a child a question names by given name alone (not a body at work or a place)."""

from __future__ import annotations

from assistant.answer.intent import answer_type, satisfies
from assistant.answer.question import analyse
from assistant.conversation.asking import widened
from assistant.conversation.entities import is_person, named, places
from assistant.conversation.words import sex_of

from .conftest import chat

TODDLER_REPLY = (
    "The toddler had 37 injuries after months of cruelty at the hands of his mother, Jane"
    " Doe, who was jailed for life. [1]"
)


def test_a_record_marks_a_person_by_title_or_by_a_noun_before_the_name() -> None:
    assert sex_of("Jane Doe", "at the hands of his mother, Jane Doe, who") == "she"
    assert sex_of("Bernie Roe", "Bernie Roe had decided. Ms Roe pulled out.") == "she"
    assert sex_of("John Roe", "Mr Roe added that") == "he"
    assert sex_of("Sam Roe", "Sam Roe said") is None


def test_he_is_not_a_woman_the_answer_names_but_the_child_asked_about() -> None:
    asked = chat(
        ("user", "How many injuries was the toddler in the 2013 Northtown review found to have?"),
        ("assistant", TODDLER_REPLY),
        ("user", "Where was he born?"),
    )
    assert "Jane Doe" not in asked.question
    assert asked.question.startswith("Where was the toddler in the Northtown review born")


def test_a_year_that_said_which_review_goes_back_on_the_review_when_nothing_answers() -> None:
    asked = chat(
        ("user", "How many injuries was the toddler in the 2013 Northtown review found to have?"),
        ("assistant", TODDLER_REPLY),
        ("user", "Where was he born?"),
    )
    assert asked.carried == "in 2013" and asked.named_record
    assert widened(asked) == "Where was the toddler in the 2013 Northtown review born?"


def test_a_place_after_formerly_of_is_no_person_but_a_titled_name_is() -> None:
    assert named("Doe, formerly of Hay Mills, Northtown, was jailed.").people == ()
    people = named("A letter to Jane Doe at Cllr John Roe's office").people
    assert [p.name for p in people] == ["Jane Doe", "Cllr John Roe"]


def test_a_question_word_names_no_place() -> None:
    assert places("Whose murder put the service back under scrutiny?") == ()


def test_how_long_did_it_take_asks_of_the_review_named_before() -> None:
    asked = chat(
        ("user", "Who led the 2014 review of Northtown's children's services?"),
        ("assistant", "The review was carried out by Professor Jane Doe. [1]"),
        ("user", "How long did it take?"),
    )
    assert "How long did the review of Northtown's children's services take" in asked.question
    kept = chat(
        ("user", "Who led the 2014 review of Northtown's children's services?"),
        ("assistant", "The review was carried out by Professor Jane Doe. [1]"),
        ("user", "How long did it take to publish the report?"),
    )
    assert kept.question.startswith("How long did it take to publish the report")


def test_a_person_mentioned_with_a_role_is_a_person_and_they_stay_they() -> None:
    assert is_person("the Cabinet Member, Councillor John Roe,", certain=True)
    assert not is_person("the council, Northtown City Council")
    asked = chat(
        ("user", "Which councillor responded to Northtown's October 2017 letter?"),
        ("assistant", "Councillor John Roe, Cabinet Member for Children, said: “We will act.” [1]"),
        ("user", "How much extra did he say was going into children's social care?"),
        ("assistant", "The records do not say."),
        ("user", "And who did they appoint as improvement partner?"),
    )
    assert "John Roe" not in asked.question


def test_an_owner_written_with_a_bare_apostrophe_is_a_place_not_she() -> None:
    asked = chat(
        ("user", "Who was Tower Fields' director of children's services at the 2017 inspection?"),
        ("assistant", "The records do not say."),
        ("user", "When did she first take the job on an interim basis?"),
    )
    assert asked.question.startswith(
        "When did the person who was Tower Fields' director of children's services"
    )


def test_the_person_who_is_no_word_to_find_and_a_relative_who_asks_no_one() -> None:
    question = "When did the person who was Northtown's director first take the job?"
    assert answer_type(question) == "date"
    assert "perso" not in analyse(question).terms
    assert answer_type("When was the review published, and who was its author?") == "person"


def test_the_person_asked_about_by_title_and_surname_is_no_one_new() -> None:
    asked = frozenset(["who", "took", "over", "from", "john", "roe"])
    assert not satisfies("person", "Mr Roe added that the service had improved.", asked)
    assert satisfies("person", "Mr Smith took over in 2011.", asked)


def test_when_was_that_announced_asks_of_the_deed_answered() -> None:
    asked = chat(
        ("user", "Who succeeded John Roe as Northtown's children's commissioner?"),
        ("assistant", "We have today announced the appointment of Jane Doe as commissioner. [1]"),
        ("user", "When was that announced?"),
    )
    assert asked.question == (
        "When was it announced that Jane Doe succeeded John Roe as Northtown's children's"
        " commissioner?"
    )
    thing = chat(
        ("user", "Who chaired the Task Force?"),
        ("assistant", "Jane Doe chaired it. [1]"),
        ("user", "When was that set up?"),
    )
    assert thing.question == "When was the Task Force set up?"


def test_it_after_a_question_ending_on_its_thing_is_that_thing() -> None:
    asked = chat(
        ("user", "What kind of organisation did Northtown pick to run its children's trust?"),
        ("assistant", "The records do not say."),
        ("user", "When was it to launch fully?"),
    )
    assert asked.question == "When was Northtown's children's trust to launch fully?"
    kept = chat(
        ("user", "Who chaired the Task Force?"),
        ("assistant", "Jane Doe chaired it. [1]"),
        ("user", "When was it set up?"),
    )
    assert kept.question == "When was the Task Force set up?"


def test_a_child_named_by_given_name_alone_is_he_or_she() -> None:
    asked = chat(
        ("user", "How many injuries was Sam found with?"),
        ("assistant", "The toddler was found with 37 injuries. [1]"),
        ("user", "Where was he found?"),
    )
    assert asked.question == "Where was Sam found?"
    again = chat(
        ("user", "At what time was Jane pronounced dead?"),
        ("assistant", "x"),
        ("user", "What was her weight?"),
        ("assistant", "y [1]"),
        ("user", "When did her mother's partner move in?"),
    )
    assert again.question == "When did Jane's mother's partner move in?"


def test_a_body_at_work_or_a_place_is_not_he_or_she() -> None:
    for earlier in (
        "What did Ofsted find in Northtown?",
        "Which services were rated inadequate by Ofsted?",
        "What did Northtown's children's services do?",
        "How many social workers left in Northtown?",
    ):
        asked = chat(
            ("user", earlier), ("assistant", "Something. [1]"), ("user", "What did she say?")
        )
        assert asked.unresolved, (earlier, asked.question)

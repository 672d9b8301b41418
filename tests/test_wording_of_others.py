"""Wording found in questions written by others (the tenth round's probes), each shown on a
page or conversation written for the test (Northtown is no real council, Jane Doe no real
person): a counted noun after a long name, a name with a hyphened word, months joined by a
hyphen, a person asked by role, an acronym the records spell out, "Who said so?", and the
follow-ups that keep a place, a source or the person answered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.figures import unit_of
from assistant.answer.intent import answer_type
from assistant.answer.question import analyse
from assistant.answer.shortened import written_out
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from assistant.factcheck.facts import read_facts
from index import Embedder, spelt_out

from .conftest import chat, page_assistant

PAGE = """Northtown review published

Published 2 March 2021

The review makes 9 recommendations that relate to Northtown's children's services.

Commenting on the review, chair of the Northtown Carers Association's board, Jane Doe, said \
the findings were hard to read.

The chief executive of Northtown Council, John Roe, said the council was sorry for its part.

Cllr Mary Major, who chaired an inquiry into the service, was made lead member last month.

Cllr Major and Mr Roe are now drawing up plans to reshape the social work team.

Her Majesty's Inspector Sam Smithee wrote to the council after the visit.

The Northtown adoption service has been upgraded by Ofsted from satisfactory to good.

Feedback from the inspection of the Northtown adoption service was positive, with a \
judgement of good.

Northtown works with nearly 3,000 families a year, including 300 in care and 120 older \
care leavers.

The Northtown inquiry was strongly criticised by the minister, Jill Bloggs.

She highlighted 7 "serious omissions" in the inquiry's findings.

In addition, the council itself identified a further 14 areas for improvement.
"""


@pytest.fixture(scope="module")
def northtown(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page ingested once for this module."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-review-2021.txt", PAGE)
    yield assistant
    assistant.close()


def test_how_many_counts_the_plural_noun_after_a_long_name() -> None:
    unit = unit_of("How many Northtown serious case review recommendations relate to the trust?")
    assert unit is not None and "recom" in unit.split(":")[1].split(",")
    assert unit_of("How many children's homes were inspected?") == "count:child,hom"


def test_a_name_with_a_hyphened_word_is_the_name() -> None:
    assert "Northtown" in analyse("How many Northtown-related recommendations were met?").names
    assert "November-December" not in analyse("Who did the November-December review?").names


def test_which_role_asks_for_a_person_and_an_auxiliary_is_no_role() -> None:
    assert answer_type("Which inspector led the visit to Northtown?") == "person"
    assert answer_type("Which Ofsted inspector led the inspection?") == "person"
    assert answer_type("What was the name of Northtown council's chief executive?") == "person"
    assert answer_type("What did inspectors find at the inspection?") == "any"
    assert answer_type("What was the name of the trust?") == "body"


def test_an_acronym_is_spelt_out_by_a_capitalised_name() -> None:
    text = "The chair of the Northtown Carers Association’s board spoke."
    assert spelt_out("NCA", text) == "Northtown Carers Association"
    assert spelt_out("XYZ", text) is None


def test_an_acronym_no_record_writes_is_found_spelt_out(northtown: Assistant) -> None:
    answer = northtown.ask("Who commented for the NCA?")
    assert answer.status == "answered", answer.answer
    assert "Jane Doe" in answer.answer


def test_a_long_name_before_the_counted_noun_still_finds_the_count(
    northtown: Assistant,
) -> None:
    answer = northtown.ask(
        "How many Northtown review recommendations relate to Northtown's children's services?"
    )
    assert answer.status == "answered", answer.answer
    assert "9 recommendations" in answer.answer


def test_who_said_so_asks_who_said_the_quote_that_names_its_speaker(
    northtown: Assistant,
) -> None:
    reply = (
        "In the record of 2 March 2021: The review makes 9 recommendations. [1] In the record"
        " of 2 March 2021: The chief executive of Northtown Council, John Roe, said the council"
        " was sorry for its part. [2]"
    )
    asked = chat(
        ("user", "Did Northtown council apologise?"),
        ("assistant", reply),
        ("user", "Who said so?"),
    )
    assert asked.question.startswith("Who said “The chief executive of Northtown Council,")
    assert "John Roe" not in asked.question  # the speaker is what is asked
    answer = northtown.ask(asked.question)
    assert answer.status == "answered", answer.answer
    assert "John Roe" in answer.answer


def test_a_place_naming_what_follows_is_the_topic_but_not_a_body_that_acts() -> None:
    result = chat(
        ("user", "Why were Northtown children's services rated inadequate?"),
        ("assistant", ""),
        ("user", "Who is taking the service over?"),
    )
    assert result.question == "Who is taking the service over in Northtown?"
    acting = chat(
        ("user", "Which service did Ofsted move up to good?"),
        ("assistant", ""),
        ("user", "When did the partnership begin?"),
    )
    assert acting.question == "When did the partnership begin?"


def test_a_council_body_is_the_place_of_the_conversation() -> None:
    result = chat(
        ("user", "What did Northtown County Council promise?"),
        ("assistant", ""),
        ("user", "Who is taking the service over?"),
    )
    assert result.question == "Who is taking the service over in Northtown?"


def test_it_after_according_to_is_the_source() -> None:
    result = chat(
        ("user", "According to the improvement plan, who leads the service?"),
        ("assistant", ""),
        ("user", "What did it recommend?"),
    )
    assert result.question == "What did the improvement plan recommend?"


def test_he_after_a_who_question_is_the_person_answered() -> None:
    result = chat(
        ("user", "Who wrote the review for Northtown?"),
        ("assistant", "Author: Jane Doe, independent reviewer. [1]"),
        ("user", "Which company was she with?"),
    )
    assert result.question == "Which company was Jane Doe with in Northtown?"


def test_after_that_with_no_date_asked_keeps_that() -> None:
    result = chat(
        ("user", "What did the Northtown inspectors find?"),
        ("assistant", "Inspectors found that leadership was weak. [1]"),
        ("user", "What happened after that?"),
    )
    assert "after that" in result.question


def test_their_of_a_plural_thing_takes_the_plural_possessive() -> None:
    result = chat(
        ("user", "Which inspectors visited Northtown in May?"),
        ("assistant", ""),
        ("user", "What were their findings?"),
    )
    assert result.question == "What were the inspectors' findings?"


def test_a_closing_word_after_its_or_latest_is_a_noun_not_the_verb() -> None:
    result = chat(
        ("user", "What did Ofsted rate Northtown's children's services in its latest report?"),
        ("assistant", ""),
        ("user", "How long had they been inadequate before that?"),
    )
    assert "its latest" not in result.question


def test_a_question_opened_by_a_phrase_is_read_with_the_question_word_first() -> None:
    result = chat(
        ("user", "What did the Northtown review recommend?"),
        ("assistant", ""),
        ("user", "Besides social services, who else did its recommendations cover?"),
    )
    assert result.question == (
        "Who else did the Northtown review's recommendations cover besides social services?"
    )


def test_in_one_message_her_is_not_whom_he_named() -> None:
    result = chat(
        ("user", "Who was the cabinet member when the review into Sam Roe's death came out?"),
        ("assistant", "Cllr Jane Doe, Cabinet Member for Children, said the review was hard. [1]"),
        ("user", "What did she say his legacy would be?"),
    )
    assert "Jane Doe" in result.question and "Sam Roe's legacy" in result.question


def test_an_acronym_is_spelt_out_inside_a_longer_capitalised_run(northtown: Assistant) -> None:
    assert spelt_out("HMI", "Her Majesty's Inspector Sam Smithee wrote.") == (
        "Her Majesty's Inspector"
    )
    answer = northtown.ask("Which HMI wrote to the council?")
    assert answer.status == "answered", answer.answer
    assert "Sam Smithee" in answer.answer


def test_one_called_by_title_and_surname_is_shown_named_in_full(northtown: Assistant) -> None:
    answer = northtown.ask("Who is John Roe drawing up plans with?")
    assert answer.status == "answered", answer.answer
    assert "Mary Major" in answer.answer  # the sentence above naming "Cllr Major" in full
    assert answer.citations[0].evidence.context is not None
    assert answer.citations[0].evidence.context.role == "named"


def test_a_claimed_fall_is_not_supported_by_a_sentence_saying_no_move(
    northtown: Assistant,
) -> None:
    """ "downgraded" against "judged good" (no move) was supported; "upgraded" contradicts."""
    check = FactChecker.of(northtown).check("Ofsted downgraded the Northtown adoption service.")
    assert check.verdict == "contradicted", check.explanation
    assert "upgraded" in check.citations[0].evidence.quote


def test_two_figures_swapped_between_what_they_count_contradict(northtown: Assistant) -> None:
    checker = FactChecker.of(northtown)
    swapped = checker.check("Northtown has 120 children in care and 300 older care leavers.")
    assert swapped.verdict == "contradicted", swapped.explanation
    right = checker.check("Northtown has 300 children in care and 120 older care leavers.")
    assert right.verdict == "supported", right.explanation


def test_a_sentence_opening_with_she_pairs_with_the_paragraph_before(
    northtown: Assistant,
) -> None:
    """News pages give each sentence its paragraph: "She highlighted 7 …" is the minister's."""
    check = FactChecker.of(northtown).check(
        "Jill Bloggs highlighted nine serious omissions in the Northtown inquiry."
    )
    assert check.verdict == "contradicted", check.explanation
    assert "7" in check.explanation and "four" not in check.explanation


def test_an_age_is_bound_to_no_date() -> None:
    facts = read_facts(
        "The council was told in January 2022 after the death of 16-month-old Sam Roe.", set()
    )
    assert [(f.text, f.date) for f in facts.figures] == [("16", None)]


def test_a_shortened_word_no_record_uses_is_read_written_out(northtown: Assistant) -> None:
    english = northtown.embedder.whole_words
    assert "hold" in english and "exec" not in english
    asked = "Who is the chief exec of Northtown Council, and what post does he hold?"
    assert written_out(asked, northtown.store, english) == (
        "Who is the chief executive of Northtown Council, and what post does he hold?"
    )
    answer = northtown.ask("Who is the chief exec of Northtown Council?")
    assert answer.status == "answered", answer.answer
    assert "John Roe" in answer.answer


def test_who_by_asks_by_whom_the_thing_asked_about_was_done() -> None:
    result = chat(
        ("user", "When was Sam Roe murdered?"),
        ("assistant", ""),
        ("user", "Who by?"),
    )
    assert result.question == "By whom was Sam Roe murdered?"


def test_the_time_before_that_is_only_the_shift() -> None:
    result = chat(
        ("user", "What overall judgement did Ofsted give Northtown's services in 2014?"),
        ("assistant", ""),
        ("user", "And the time before that?"),
    )
    assert (
        result.question
        == "What overall judgement did Ofsted give Northtown's services before 2014?"
    )


def test_he_after_which_councillor_is_the_councillor_answered() -> None:
    result = chat(
        ("user", "Which Northtown councillor spoke for the council on children's services?"),
        ("assistant", "Councillor Jane Doe added: “We will do better.” [1]"),
        ("user", "What did she say about the inspection?"),
    )
    assert result.question == "What did Councillor Jane Doe say about the inspection in Northtown?"


def test_how_many_of_them_were_there_counts_the_group_asked_about() -> None:
    """ "there" after "were" is no place; "involved" after "did … say about the staff" is
    no verb; "them" is the group the previous question ended on."""
    result = chat(
        ("user", "Who is Jane Doe?"),
        ("assistant", "Jane Doe, Director of Northtown Children's Services, said: “No.” [1]"),
        ("user", "What did she say about the staff involved?"),
        ("assistant", ""),
        ("user", "How many of them were there?"),
    )
    assert result.question == "How many of the staff were there?"


def test_a_grade_after_rated_is_no_verb_and_who_is_its_own_subject() -> None:
    rated = chat(
        ("user", "When was Northtown rated outstanding?"),
        ("assistant", ""),
        ("user", "Who runs its children's services?"),
    )
    assert rated.question == "Who runs Northtown's children's services?"
    criticised = chat(
        ("user", "What did Ofsted find in Northtown in 2017?"),
        ("assistant", ""),
        ("user", "Who was criticised?"),
    )
    assert criticised.question == "Who was criticised in 2017 in Northtown?"


def test_who_said_so_after_no_quote_is_not_guessed() -> None:
    result = chat(
        ("user", "What did Northtown say about the inspection?"),
        ("assistant", "The records do not say."),
        ("user", "Who said so?"),
    )
    assert result.unresolved


def test_a_pronoun_named_by_the_rewrite_keeps_the_place_of_the_conversation() -> None:
    """A commissioner may serve several councils: "When was she appointed?" after "Who is
    the commissioner for Northtown?" is asked of Northtown, not of her other posts."""
    result = chat(
        ("user", "Who is the commissioner for Northtown?"),
        ("assistant", "The government put Jane Doe in place as commissioner for Northtown. [1]"),
        ("user", "When was she appointed?"),
    )
    assert result.question == "When was Jane Doe appointed in Northtown?"


def test_review_fixes_hold() -> None:
    """Found in review: a plural modifier is no head; "succeed" after "did" is a verb; a
    question word opening a run is no place; a bare shift with no date asked or answered is
    unresolved; "Who by?" needs a passive; "Stoke-on-Trent" keeps its name."""
    assert unit_of("How many sports halls were built?") == "count:sport,hall"
    assert answer_type("What chief executive pay rise was agreed?") == "any"
    assert "Stoke-on-Trent" in analyse("Who runs Stoke-on-Trent-based services?").names
    succeed = chat(
        ("user", "Why did the plan succeed?"), ("assistant", ""), ("user", "Why did it fail?")
    )
    assert succeed.question == "Why did the plan fail?"
    shift = chat(
        ("user", "What did Ofsted find in Northtown?"),
        ("assistant", ""),
        ("user", "And before that?"),
    )
    assert shift.unresolved
    answered = chat(
        ("user", "When was Northtown first rated inadequate?"),
        ("assistant", "2018: Northtown was rated inadequate by Ofsted in 2018. [1]"),
        ("user", "And before that?"),
    )
    assert answered.question == "When was Northtown first rated inadequate before 2018?"


def test_inspectors_in_the_plural_name_no_inspector(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    """ "with inspectors praising its leaders" names no inspector: a person named beside it
    (the trust's chief executive) does not answer "Which inspector led …?"."""
    page = (
        "Northfield's children's services go from inadequate to outstanding in three years,"
        " with inspectors praising leaders' focus\n\n"
        "Ofsted has rated children's services in Northfield as outstanding.\n\n"
        "Trust chief executive Ann Example\n\n"
        "The trust took over the services in 2017.\n"
    )
    assistant = page_assistant(tmp_path_factory, embedder, "northfield-2021.txt", page)
    try:
        answer = assistant.ask(
            "Which Ofsted inspector led the inspection that rated Northfield's services"
            " outstanding?"
        )
        assert answer.status == "not_found", answer.answer
    finally:
        assistant.close()


def test_what_a_question_sets_aside_is_no_word_to_find(northtown: Assistant) -> None:
    asked = "Apart from the review's recommendations, how many more areas did Northtown find?"
    assert "recom" not in analyse(asked).terms and "area" in analyse(asked).terms
    answer = northtown.ask(asked)
    assert answer.status == "answered", answer.answer
    assert "14 areas" in answer.answer

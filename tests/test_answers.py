"""Grounded answers over the two reference statements: concrete facts, verbatim quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.answer.question import analyse
from assistant.engine import Assistant, make_filters
from assistant.errors import InvalidQuery

PLEDGE = "000_dacb6d7e4608512c"  # press release, 27 July 2010
SENTENCING = "001_531fd4b695795cd4"  # statement, 12 March 2010


def _flat(text: str) -> str:
    return " ".join(text.split())


def assert_grounded(assistant: Assistant, answer_json: dict, corpus: Path) -> None:
    """Every quote is the stored text at its offsets and, whitespace aside, in the source file."""
    for citation in answer_json["citations"]:
        doc = citation["document"]
        stored = assistant.store.text(doc["id"])
        assert stored[citation["start"] : citation["end"]] == citation["quote"]
        raw = (corpus / Path(doc["source"]).name).read_text(encoding="utf-8")
        assert _flat(citation["quote"]) in _flat(raw)
        assert f"[{citation['id']}]" in answer_json["answer"]


def test_vacancy_rate_in_april_2010(reference: Assistant, corpus_dir: Path) -> None:
    answer = reference.ask("What was the vacancy rate in April 2010?").as_dict()
    assert answer["status"] == "answered"
    first = answer["citations"][0]
    assert "15 per cent in April 2010" in first["quote"]
    assert first["document"]["id"] == PLEDGE
    assert first["document"]["title"] == "Better child protection pledge for city"
    assert first["document"]["date"] == "2010-07-27"
    assert first["document"]["kind"] == "press_release"
    assert "15 per cent" in answer["answer"]
    assert_grounded(reference, answer, corpus_dir)


def test_when_the_improvement_notice_was_issued(reference: Assistant, corpus_dir: Path) -> None:
    answer = reference.ask("When was the Improvement Notice issued?").as_dict()
    assert answer["status"] == "answered"
    first = answer["citations"][0]
    assert "issued an Improvement Notice in February 2009" in first["quote"]
    assert first["document"]["id"] == SENTENCING
    assert first["document"]["date"] == "2010-03-12"
    assert "February 2009" in answer["answer"]
    assert_grounded(reference, answer, corpus_dir)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many recommendations does the Serious Case Review make?", "12 recommendations"),
        ("Who chaired the Task Force?", "Mike Whitby"),
        ("What did Ofsted judge safeguarding to be in December 2008?", "inadequate"),
        ("How many care homes were rated inadequate?", "seven to none"),
        ("Who was recruited as Director of Children's Social Care?", "Colin Tucker"),
    ],
)
def test_other_facts(reference: Assistant, corpus_dir: Path, question: str, expected: str) -> None:
    answer = reference.ask(question).as_dict()
    assert answer["status"] == "answered", answer["answer"]
    assert expected in answer["citations"][0]["quote"]
    assert_grounded(reference, answer, corpus_dir)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("What was the vacancy rate in April 2011?", "April 2010"),
        ("What did Ofsted say about Coventry's fostering service?", "Coventry"),
        ("How many foster carers were recruited in 2012?", ""),
        ("What is the capital of France?", ""),
    ],
)
def test_not_found_when_the_records_do_not_answer(
    reference: Assistant, question: str, reason: str
) -> None:
    answer = reference.ask(question).as_dict()
    assert answer["status"] == "not_found"
    assert answer["citations"] == []
    assert answer["answer"].startswith("The records do not say.")
    assert reason in answer["reason"]
    assert answer["searched"]["documents"] == 2
    for related in answer["related"]:
        stored = reference.store.text(related["document"]["id"])
        assert stored[related["start"] : related["end"]] == related["text"]


def test_answer_sentences_each_end_with_a_citation(reference: Assistant) -> None:
    answer = reference.ask("What improvements were made to the fostering service?")
    assert answer.status == "answered"
    sentences = re.split(r"(?<=\])\s+", answer.answer)
    assert all(re.search(r"\[\d+\]$", s) for s in sentences)
    assert len(sentences) == len(answer.citations)


def test_json_shape(reference: Assistant) -> None:
    data = reference.ask("When was the Improvement Notice issued?").as_dict()
    assert {"question", "status", "answer", "citations"} <= data.keys()
    citation = data["citations"][0]
    assert set(citation) - {"context"} == {"id", "quote", "start", "end", "page", "document"}
    assert set(citation["context"]) == {"role", "quote", "start", "end"}  # "As a result, …"
    assert set(citation["document"]) >= {"id", "title", "kind", "date", "source"}
    assert citation["id"] == 1


def test_filters_narrow_the_evidence(reference: Assistant) -> None:
    filters = make_filters(None, None, "2010-06", day_first=True)
    answer = reference.ask("What was the vacancy rate in April 2010?", filters)
    assert answer.status == "not_found"  # only the March 2010 statement is before June 2010
    assert answer.searched["filters"] == {"kind": None, "since": None, "until": "2010-06"}


def test_bad_questions_raise_domain_errors(reference: Assistant) -> None:
    with pytest.raises(InvalidQuery, match="empty"):
        reference.ask("   ")
    with pytest.raises(InvalidQuery, match="limit"):
        reference.ask("why " * 400)
    with pytest.raises(InvalidQuery, match="unknown kind"):
        make_filters("memo", None, None, day_first=True)
    with pytest.raises(InvalidQuery, match="since"):
        make_filters(None, "31/02/2010", None, day_first=True)


def test_a_question_with_nothing_to_look_for_is_not_answered(reference: Assistant) -> None:
    answer = reference.ask("What happened?")
    assert answer.status == "not_found"
    assert answer.reason and "nothing to look for" in answer.reason


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("What was the vacancy rate after 2010?", "not_found"),
        ("What was the vacancy rate since December 2009?", "answered"),
        ("What did the minister say in December 2010?", "not_found"),  # a year is not a month
        ("How many children died?", "not_found"),  # a date is not a count
    ],
)
def test_periods_precision_and_counts(reference: Assistant, question: str, status: str) -> None:
    assert reference.ask(question).status == status


def test_headings_are_never_quoted(reference: Assistant) -> None:
    answer = reference.ask("What is the better child protection pledge for city?")
    titles = {"Better child protection pledge for city", "Background"}
    assert all(c.evidence.quote not in titles for c in answer.citations)


def test_an_empty_index_says_so(fresh: Assistant, tmp_path: Path) -> None:
    fresh.ingest([tmp_path / "nothing-here"])
    answer = fresh.ask("What was the vacancy rate in April 2010?")
    assert answer.status == "not_found" and answer.reason and "index is empty" in answer.reason


def test_when_questions_lead_with_the_date(reference: Assistant) -> None:
    answer = reference.ask("When was the Improvement Notice issued?")
    assert answer.answer.startswith("February 2009: ")


def test_latest_and_as_of(reference: Assistant) -> None:
    latest = reference.ask("What is the latest vacancy rate?")
    assert latest.status == "answered" and len(latest.citations) == 1
    assert "April 2010" in latest.citations[0].evidence.quote
    as_of = reference.ask("What was the vacancy rate as of November 2009?")
    assert as_of.status == "not_found"  # the first figure the records give is December 2009


def test_answers_that_span_time_read_in_date_order(reference: Assistant) -> None:
    answer = reference.ask("What did the Minister say about progress?")
    firsts = [min(c.evidence.dates or ("9999",)) for c in answer.citations]
    assert firsts == sorted(firsts)


def test_the_words_that_frame_a_figure_are_not_terms() -> None:
    """ "How long … last?" asks for a duration; a record states one without those words."""
    question = analyse("How long did Ofsted's inspection of Devon last?")
    assert question.unit == "duration" and "long" not in question.terms
    assert "last" not in question.terms and "inspe" in question.terms
    assert "old" not in analyse("How old was the child?").terms
    share = analyse("What percentage of social work posts were vacant in April 2010?")
    assert share.unit == "share" and "perce" not in share.terms and "vacan" in share.terms


def test_a_later_part_asks_about_the_person_the_first_part_found(reference: Assistant) -> None:
    """Not the person the question names ("Khyra Ishaq's legacy"): the one the answer names."""
    answer = reference.ask(
        "Who promised that stronger child protection would be Khyra Ishaq's legacy,"
        " and what post did he hold?"
    )
    assert answer.status == "answered", answer.answer
    assert "Les Lawrence" in answer.answer and "Cabinet Member for Children" in answer.answer


def test_a_sentence_pointing_back_takes_its_count_from_the_one_before(
    reference: Assistant,
) -> None:
    """ "Ten of these have been implemented": what it counts is named the sentence before."""
    answer = reference.ask("How many recommendations have been implemented?")
    assert answer.status == "answered", answer.answer
    assert "Ten of these have already been fully implemented" in answer.answer


def test_planning_finds_plans_and_the_sentence_that_says_so_leads(reference: Assistant) -> None:
    answer = reference.ask("What is Colin Tucker planning with Cllr Clark?")
    assert answer.status == "answered", answer.answer
    assert answer.citations[0].evidence.quote.startswith("Cllr Clark and Mr Tucker")


def test_when_is_answered_by_the_sentences_that_say_when(reference: Assistant) -> None:
    answer = reference.ask("When will teams in Aston move?")
    assert answer.status == "answered", answer.answer
    quotes = [c.evidence.quote for c in answer.citations]
    assert quotes[0].startswith("Teams in Aston will now move by the end of the year")
    assert not any("Lifford House" in q for q in quotes)  # no date of its own


def test_an_undated_sentence_takes_the_date_of_the_one_before_in_its_paragraph(
    reference: Assistant,
) -> None:
    answer = reference.ask(
        "What did inspectors find at the Looked After Children Education Services inspection"
        " in December 2009?"
    )
    assert answer.status == "answered", answer.answer
    assert "several key features which are now outstanding" in answer.answer
    assert "in December 2009. The inspectors found" in answer.answer  # the date's sentence shown


def test_the_sentence_before_is_shown_when_it_says_what_was_asked(reference: Assistant) -> None:
    """The name is in one sentence, what was asked of it in the one before: both are quoted."""
    answer = reference.ask("What did Cllr Les Lawrence say Khyra's legacy would be?")
    assert answer.status == "answered", answer.answer
    assert "Better protection for children" in answer.answer and "Les Lawrence" in answer.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # which way a figure moved is one word: the record says "has dropped"
        ("What did the vacancy rate fall to?", "15 per cent"),
        ("By how much did sickness absence decrease?", "16.9"),  # "how much" asks no money
        # a role run into a name: "Minister of State for Children Dawn Primarolo"
        ("What is the name of the Minister of State for Children in 2009?", "Dawn Primarolo"),
        # "how many days" counts days; "no children" is a count of nought
        (
            "How many days of sickness did each full-time member of staff take on average"
            " between July 2008 and July 2009?",
            "25 days",
        ),
        (
            "How many children were found to be at immediate risk of harm in the November 2009"
            " inspection?",
            "no children at immediate risk",
        ),
    ],
)
def test_facts_in_the_words_and_forms_records_give_them(
    reference: Assistant, question: str, expected: str
) -> None:
    answer = reference.ask(question)
    assert answer.status == "answered", answer.answer
    assert expected in answer.answer


def test_a_sentence_following_from_the_one_before_shows_it(reference: Assistant) -> None:
    """ "Following this, the council set up a Task Force …": the sentence before says what
    "this" was, which a "what prompted …?" question asks for."""
    answer = reference.ask("What prompted the council to set up its Task Force?")
    assert answer.status == "answered", answer.answer
    first = answer.citations[0].evidence
    assert first.quote.startswith("Following this")
    assert first.context is not None and "inadequate" in first.context.quote


def test_a_part_no_passage_answers_is_said_plainly(reference: Assistant) -> None:
    """A question of two parts whose second no passage answers: the first is quoted, and
    the answer (and its reason) says which part found nothing, with no citation."""
    answer = reference.ask("Who chaired the Task Force, and what was his salary?")
    assert answer.status == "answered", answer.answer
    assert any("Mike Whitby" in c.evidence.quote for c in answer.citations)
    note = "No passage was found that answers “what was his salary?”"
    assert answer.answer.endswith(note) and answer.reason == note

"""Small rules that real pages needed (the answers over the pages themselves are tested in
tests/test_corpus_dev_ingest.py, on the 40 pages ingested once)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answer.candidates import DocumentWords, is_heading, refers_back
from assistant.answer.figures import gives_figure, unit_of
from assistant.answer.intent import (
    answer_type,
    body_stems,
    denied_grades,
    names_in,
    offices_asked,
    satisfies,
)
from assistant.answer.periods import Dated, dated, in_period, relative_phrase
from assistant.answer.question import analyse
from assistant.answer.soft import soft_coverage, softly_held
from assistant.answer.tokens import stem, stems
from assistant.conversation import Turn, resolve
from assistant.factcheck.facts import read_facts
from index import vocabulary


def test_a_negation_reaches_only_to_the_end_of_its_clause() -> None:
    text = "The notice, which was not made public, followed a review of its services."
    assert read_facts(text, {"revie"}).negations == ()
    assert read_facts("The review was not published.", {"publi"}).negations == ("not",)


def test_a_code_with_digits_is_one_word() -> None:
    assert "ce001" in stems("Serious case review CE001 was published")


def test_a_follow_up_naming_nobody_stays_in_the_place_of_the_conversation() -> None:
    turns = [
        Turn("user", "How did Ofsted rate Bradford's children's services in 2022?"),
        Turn("assistant", "Inadequate."),
        Turn("user", "Who is taking the service over?"),
    ]
    assert resolve(turns).question == "Who is taking the service over in Bradford?"
    named = [*turns[:2], Turn("user", "Who runs Sandwell Children's Trust?")]
    assert resolve(named).question == "Who runs Sandwell Children's Trust?"


def test_a_name_most_records_use_is_no_place_to_move_to() -> None:
    """ "for Ofsted" names the inspectorate every page names, not another place."""
    turns = [
        Turn("user", "How many settings were judged inadequate in Northtown's inspection?"),
        Turn("assistant", "Six."),
        Turn("user", "Who commented for Ofsted?"),
    ]
    assert resolve(turns).question == "Who commented for Ofsted?"  # nothing tells it apart
    common = resolve(turns, common=lambda name: name == "Ofsted")
    assert common.question == "Who commented for Ofsted in Northtown?"


def test_what_a_how_many_question_counts() -> None:
    assert unit_of("How many children are in the care of the trust?") == "count:child"
    assert unit_of("How many of the review's recommendations were in place?") == (
        "count:revie,recom"
    )
    assert "five" in str(unit_of("How many under-fives live in the catchment?"))
    assert unit_of("How many of them had been implemented?") is None  # any figure


def test_a_page_or_appendix_number_counts_nothing() -> None:
    count = "count:recom"
    assert not gives_figure("Page 3: Executive Summary, Recommendations", count, frozenset(), True)
    assert not gives_figure("Recommendations: see Appendix 1.", count, frozenset(), True)
    assert gives_figure("Appendix 1 lists 12 recommendations.", count, frozenset(), True)
    assert not gives_figure(
        "Inspectors visited on 20 and 21 February 2024.", None, frozenset(), True
    )
    assert not gives_figure("It ran from 14 January to 1 February.", None, frozenset(), True)


def test_a_contents_line_is_a_heading_not_an_answer() -> None:
    assert is_heading("Brief Facts of the Case 5.", "")
    assert not is_heading("The vacancy rate fell to 15.", "")


def test_a_duration_is_not_a_count() -> None:
    assert not gives_figure(
        "services improved in three years after the trust began", "count:servi", frozenset(), True
    )
    assert gives_figure(
        "the trust looks after 700 children in care", "count:child", frozenset(), True
    )


def test_an_age_is_not_how_long() -> None:
    assert not gives_figure("the parents of the two-year-old", "duration", frozenset(), True)
    assert gives_figure("The 70-page report includes", "duration", frozenset(), True)
    assert gives_figure("who died aged four months", "age", frozenset(), True)  # a word


def test_an_office_as_a_verb_is_not_an_office_asked_for() -> None:
    assert offices_asked("Who was brought in to head the service as its director?") == {"director"}
    assert offices_asked("Who was the head of the service?") == {"head"}
    assert offices_asked("Who chairs the trust?") == {"chair"}  # "Chair of …", "chaired"


def test_a_who_question_naming_an_office_needs_the_office() -> None:
    assert offices_asked("Who was the director of children's services in 2010?") == {"director"}
    assert offices_asked("Who wrote the report?") == frozenset()


def test_a_word_close_in_meaning_holds_a_term_by_its_cosine() -> None:
    killed = np.array([1.0, 0.0, 0.0])
    murdered = np.array([0.8, 0.6, 0.0])  # cosine 0.8 with "killed"
    unrelated = np.array([0.3, 0.0, 0.954])  # cosine 0.3
    weights, terms = {"kille": 2.0, "daniel": 2.0}, {"kille": killed}
    assert soft_coverage(weights, {"daniel"}, terms, np.stack([murdered])) == pytest.approx(0.9)
    assert soft_coverage(weights, {"daniel"}, terms, np.stack([unrelated])) == pytest.approx(0.5)
    assert soft_coverage(weights, {"daniel", "kille"}, terms, None) == 1.0
    assert vocabulary("Daniel Pelka was MURDERED on 3 March") == {
        "daniel",
        "pelka",
        "was",
        "murdered",
        "march",
    }


def test_a_follow_up_does_not_move_to_a_body_that_acts() -> None:
    turns = [
        Turn("user", "Who congratulated the Isle of Wight on its good Ofsted rating?"),
        Turn("assistant", "Roy Perry."),
        Turn("user", "When did the partnership begin?"),
    ]
    assert resolve(turns).question == "When did the partnership begin?"  # not "in Ofsted"


def test_a_hyphenated_number_word_is_one_figure() -> None:
    figures = read_facts("Thirty-nine inspections were carried out.", set()).figures
    assert [(f.text, f.value) for f in figures] == [("Thirty-nine", 39)]


def test_a_page_knows_its_headings() -> None:
    text = "Focused visits\nInspectors looked at many councils.\nNorthtown Council\nIt was good."
    headings = DocumentWords().headings("page", text)
    assert {"north", "counc"} <= headings
    assert "inspe" not in headings
    # the page's opening heading block says what the whole page is about, not a section
    assert "focus" not in headings and "visit" not in headings


def test_a_page_is_about_its_lead_and_what_it_repeats_not_a_passing_name() -> None:
    text = (
        "Pledge for the city\n"
        "Northtown council has been told to improve.\n"
        "Teams moved into Lifford House. The teams in Easton move next year.\n"
        "The teams were praised."
    )
    topics = DocumentWords().topics("page", text)
    assert {"pledg", "north", "team"} <= topics
    assert "easto" not in topics and "liffo" not in topics


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What were the outcomes of the Somerset inspections?", "list"),
        ("Which groups of vulnerable children did the council admit it was failing?", "list"),
        ("Which children does the review concern?", "list"),
        ("What two parts does the partnership review cover?", "list"),
        ("What did the report say about how concerns were handled?", "any"),
        ("What is the status of recommendation 4?", "any"),
        ("What happens next?", "any"),
        ("Which trust delivers the council's social care?", "body"),
        ("What percentage of homes were good?", "number"),
        ("what is her job there?", "role"),
        ("what is Jane Doe's job?", "role"),
        ("What is Cllr Jane Doe's role?", "role"),  # a title before the name
        ("What is the title of the report?", "any"),
        ("What was Northtown rated at its previous inspection?", "grade"),
        ("What was the overall effectiveness judgement?", "grade"),  # not a summary
        ("What was judged inadequate?", "any"),
        ("What is the report's title?", "any"),
        ("What was the council's role in the review?", "any"),
    ],
)
def test_a_plural_thing_asked_for_is_a_list(question: str, kind: str) -> None:
    assert answer_type(question) == kind


def test_requires_improvement_is_one_grade() -> None:
    facts = read_facts("Services were rated ‘requires improvement to be good’ in 2019.", set())
    assert facts.grades == {"requires-improvement"}  # not "good"
    assert read_facts("The council now requires improvement in adoption.", set()).grades == {
        "requires-improvement"
    }
    assert read_facts("The overall judgement was ‘inadequate’.", set()).grades == {"inadequate"}


def test_a_sentence_pointing_back_is_read_with_the_one_before() -> None:
    assert refers_back("Ten of these have already been fully implemented.")
    assert refers_back("He said the council would act.")
    assert not refers_back("The council identified a further 28 areas for improvement.")


def test_a_name_asked_about_is_not_the_answer_though_possessive() -> None:
    asked = frozenset({"which", "body", "produced", "the", "report", "into", "ainlee", "walker's"})
    assert not satisfies("body", "It looks at the circumstances of Ainlee's death.", asked)
    assert satisfies("body", "The report by the Newham Area Child Protection Committee.", asked)


def test_a_report_dated_soon_after_a_year_may_speak_of_that_year() -> None:
    year = analyse("Who reviewed the services in 2009?").periods
    month = analyse("What was the rate in June 2010?").periods
    january = Dated(("2010-01-07",), (3,), "document")
    assert in_period(year, january)
    assert not in_period(month, Dated(("2010-07-27",), (3,), "document"))
    assert not in_period(year, Dated(("2010-01-07",), (3,), "sentence"))  # its own date holds


def test_word_forms_meet_at_one_stem() -> None:
    assert stem("rate") == stem("rated") == stem("rating") == stem("ratings")
    assert stem("fail") == stem("failed") == stem("failings")
    assert stem("judge") == stem("judged") == stem("judgement")
    assert stem("service") == stem("services") and stem("process") == stem("processes")
    assert stem("CE001") == "ce001"
    assert stem("plan") == stem("plans") == stem("planning") == stem("planned")  # one consonant
    assert stem("fall") == stem("falling") and stem("add") == stem("adding")  # doubled in the word
    assert stem("fell") == stem("dropped") == stem("decreased") != stem("rose")  # one direction
    assert stem("came") == stem("come") and stem("led") == stem("lead")  # irregular pasts
    assert stem("written") == stem("wrote") == stem("write") != stem("writer")
    assert stem("spoke") == stem("said") == stem("commented") == stem("responds")  # saying


def test_since_a_year_bounds_when_it_does_not_date_it() -> None:
    when = dated("Ofsted rated it inadequate for the second time since 2018.", None, None, True)
    assert when.source == "none"  # the page's own date or years decide


def test_a_record_dated_at_the_start_of_the_calendar_is_not_an_error() -> None:
    year = analyse("What happened in 2009?").periods
    assert not in_period(year, Dated(("0001-01-01",), (3,), "document"))


def test_a_range_covers_the_months_between_its_ends() -> None:
    sentence = "Absence fell to 16.9 days from July 2009 – April 2010."
    when = dated(sentence, None, "2010-07-27", True)
    assert in_period(analyse("What was absence in December 2009?").periods, when)
    assert not in_period(analyse("What was absence in June 2010?").periods, when)


def test_a_word_close_in_meaning_is_not_missing() -> None:
    vectors = {"die": np.array([1.0, 0.0]), "death": np.array([0.8, 0.6])}
    words = np.stack([vectors["death"]])
    assert softly_held({"die": 1.0}, set(), {"die": vectors["die"]}, words) == {"die"}
    assert softly_held({"die": 1.0}, {"die"}, {"die": vectors["die"]}, words) == set()


def test_a_sentence_dated_against_its_page_has_a_relative_phrase() -> None:
    assert relative_phrase("In June and July this year, Ofsted sent ten inspectors.", True)
    assert relative_phrase("Ofsted visited in June 2014, this year.", True) is None
    assert relative_phrase("Ofsted sent ten inspectors.", True) is None


def test_a_year_naming_an_event_bounds_the_period_by_the_whole_year() -> None:
    (after,) = analyse("Who was recruited as director after the 2015 review?").periods
    assert (after.start, after.end[:4], after.label) == ("2015-01-01", "9999", "2015 or later")
    (before,) = analyse("How long had it been inadequate before the 2019 report?").periods
    assert (before.start[:4], before.end, before.label) == ("0001", "2019-12-31", "up to 2019")
    (bare,) = analyse("Who was appointed after 2015?").periods
    assert bare.start == "2016-01-01"  # a bare year: after it ends
    (month,) = analyse("Which department acted after the December 2008 judgement?").periods
    assert month.start == "2008-12-01"
    (day,) = analyse("What happened after the 1 April 2010 launch?").periods
    assert day.start == day.end == "2010-04-01"  # a day names no event's span
    # the record's date dates the record; the event's is the answer's
    both = analyse(
        "According to the March 2010 statement, what grade followed the January 2010 inspection?"
    )
    assert [p.label for p in both.record_periods] == ["March 2010"]
    assert in_period(both.periods, Dated(("2010-01",), (2,), "sentence"))
    after = analyse("What grade was given in March 2010, after the January 2010 inspection?")
    assert in_period(after.periods, Dated(("2010-01",), (2,), "sentence"))


def test_a_title_is_no_word_to_match_only_before_a_name() -> None:
    assert analyse("Where did Ms Smith come from?").terms == ("smith", "com")
    assert "counc" in analyse("Which Councillor resigned in 2014?").terms


def test_a_body_is_named_by_the_sentence_its_place_may_be_held_by_the_page() -> None:
    assert body_stems("Who chairs the Northtown Safeguarding Children Board?") == {
        "safeg",
        "child",
        "board",
    }
    assert body_stems("What credit did Ofsted give Northtown County Council?") == set()


def test_words_naming_the_record_itself_are_not_matched() -> None:
    assert "relea" not in analyse("Which improvements does the July 2010 release list?").terms
    assert "timel" not in analyse("In the timeline, what happened in April 2009?").terms


def test_a_source_clause_names_the_record_not_the_sentence() -> None:
    assert analyse("According to Northtown's improvement plan, who leads it?").source_terms == {
        "north",
        "impro",
        "plan",
    }
    assert analyse("In its 2014 report, what did Ofsted find?").source_terms == {"repor"}
    in_2014 = analyse("In 2014 what did the report find?")  # "In 2014" dates the finding
    assert in_2014.source_terms == {"repor"} and not in_2014.record_periods  # the report says
    assert analyse("In 2014 what did Ofsted find?").source_terms == set()
    assert analyse("What did the chair say according to the minutes?").source_terms == {"minut"}


def test_a_word_placing_a_date_is_not_a_term() -> None:
    assert analyse("What was found at the start of 2020?").terms == ("find",)
    assert analyse("Who led the late-2009 review?").terms == ("lead", "revie")
    assert "end" in analyse("What came at the end of the review?").terms


def test_the_verb_asked_about_is_found_but_not_a_light_one() -> None:
    assert analyse("What did inspectors find during the visit?").action == "find"
    assert analyse("When did inspectors go to Northtown?").action is None
    assert analyse("Who chaired the Task Force?").action is None


def test_a_grade_question_does_not_ask_for_the_word_rating() -> None:
    assert analyse("What rating did the fostering service receive?").terms == (
        "foste",
        "servi",
        "recei",
    )


def test_before_that_in_a_whole_question_is_before_the_period_asked() -> None:
    turns = [
        Turn("user", "Who was Westshire's director at the 2017 inspection?"),
        Turn("assistant", "Jane Doe."),
        Turn("user", "How had the services been rated at the inspection before that?"),
    ]
    assert "before 2017" in resolve(turns).question


def test_a_date_naming_the_record_dates_the_record_not_the_answer() -> None:
    question = analyse("List the inspections mentioned in the March 2010 statement.")
    assert [p.label for p in question.record_periods] == ["March 2010"]
    assert question.periods == ()
    assert "list" not in question.terms and "mention" not in question.terms
    assert analyse("What happened in 2014?").record_periods == ()
    assert analyse("Summarise the improvements.").terms == ("impro",)


def test_it_after_a_verb_is_what_the_previous_answer_says_that_verb_did() -> None:
    turns = [
        Turn("user", "What happened as a result?"),
        Turn(
            "assistant",
            "As a result, the Department issued an Improvement Notice in February 2009. [1]",
        ),
        Turn("user", "Who issued it?"),
    ]
    assert resolve(turns).question == "Who issued the Improvement Notice?"


def test_a_name_most_records_use_is_no_body_for_it() -> None:
    turns = [
        Turn("user", "What did Ofsted find in Northtown?"),
        Turn("assistant", "It found the services inadequate. [1]"),
        Turn("user", "Who chairs it?"),
    ]
    common = resolve(turns, common=lambda name: name == "Northtown")
    assert "Northtown" not in common.question


def test_after_that_follows_a_range_from_its_end() -> None:
    turns = [
        Turn("user", "What was the sickness rate between July 2008 and July 2009?"),
        Turn("assistant", "25 days. [1]"),
        Turn("user", "And after that?"),
    ]
    assert resolve(turns).question == "What was the sickness rate after July 2009?"


def test_a_noun_after_a_who_verb_is_no_second_verb() -> None:
    turns = [
        Turn("user", "Who published the serious case review?"),
        Turn("assistant", "The board. [1]"),
        Turn("user", "When?"),
    ]
    assert resolve(turns).question == "When was the serious case review published?"


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        (
            "What happened to the three staff members?",
            "When were they removed?",
            "When were the three staff members removed?",
        ),
        (
            "What did Ofsted say about the fostering service?",
            "When was that inspection?",
            "When was the inspection of the fostering service?",
        ),
    ],
)
def test_they_and_that_thing_are_what_the_previous_question_was_about(
    first: str, follow_up: str, expected: str
) -> None:
    turns = [Turn("user", first), Turn("assistant", "Quoted. [1]"), Turn("user", follow_up)]
    assert resolve(turns).question == expected


def test_when_after_who_was_appointed_asks_when_the_person_was() -> None:
    turns = [
        Turn("user", "Who was appointed commissioner for Northtown?"),
        Turn("assistant", "The Department has appointed Jane Doe as commissioner. [1]"),
        Turn("user", "When?"),
    ]
    assert resolve(turns).question == "When was Jane Doe appointed commissioner for Northtown?"


def test_who_is_answered_by_the_doer_after_the_verb_asked() -> None:
    asked = frozenset(["who", "will", "run", "northtown's", "children's", "services"])
    assert satisfies("agent", "Services will be run by an independent trust.", asked)
    assert not satisfies("agent", "Services will improve under new leadership.", asked)


def test_a_paragraph_number_does_not_make_the_first_word_a_name() -> None:
    assert names_in("2.3 Home visits by social workers were cancelled.") == []
    assert names_in("(a) Agencies should share information with Ofsted.") == ["Ofsted"]


def test_a_capital_letter_after_a_name_is_part_of_it() -> None:
    assert analyse("Who was the social worker for Child K?").names == ("Child", "K")
    assert analyse("Was I right?").terms == ("right",)


def test_a_sentence_in_the_present_speaks_of_its_records_time() -> None:
    before = "This is a re-inspection, following a judgement of inadequate in 2014."
    now = dated("Services for children are no longer inadequate.", None, "2017-12-21", True, before)
    assert now.source == "document" and now.dates == ("2017-12-21",)
    then = dated("Inspectors found weak management.", None, "2017-12-21", True, before)
    assert then.source == "paragraph" and then.dates == ("2014",)
    found = dated("Inspectors found features which are now good.", None, "2017-12-21", True, before)
    assert found.source == "paragraph"  # its first verb is past: "are now" is a clause of it
    undated = dated("Services are still inadequate.", None, None, True, before)
    assert undated.source == "paragraph"  # no record's date to speak of instead


def test_a_question_may_ask_which_were_not_given_a_grade() -> None:
    assert denied_grades("Which areas were not rated good?") == {"good"}
    assert denied_grades("Which services have never been judged outstanding?") == {"outstanding"}
    assert denied_grades("Which areas did not require improvement?") == {"requires improvement"}
    assert denied_grades("Which areas were judged inadequate?") == frozenset()
    assert denied_grades("Which area didn't get a Good?") == {"good"}
    assert denied_grades("Which service has not received an outstanding?") == {"outstanding"}
    assert "wasn't" not in analyse("Which area wasn't rated good?").term_words


def test_an_elided_verb_phrase_is_the_previous_questions() -> None:
    turns = [
        Turn("user", "Which parts of Northtown's services were rated good in 2023?"),
        Turn("assistant", "Three of the four."),
        Turn("user", "And which one wasn't?"),
    ]
    assert resolve(turns).question == (
        "Which parts of Northtown's services were not rated good in 2023?"
    )
    negated = [Turn("user", "Which areas were not rated good?"), Turn("user", "Which were?")]
    assert resolve(negated).question == "Which areas were rated good?"


def test_either_and_whether_are_function_words() -> None:
    terms = analyse("How many concerned the council, either alone or jointly?").term_words
    assert "either" not in terms and "jointly" in terms


def test_a_verb_saying_only_that_an_event_took_place_is_no_term_of_a_when_question() -> None:
    assert analyse("When did the latest inspection of Northtown run?").term_words == (
        "inspection",
        "Northtown",
    )
    assert "run" in analyse("Who will run the trust?").term_words


def test_a_when_question_may_open_with_a_preposition() -> None:
    assert analyse("On what day was the report on Northtown published?").asks_when
    assert not analyse("Since when has Northtown been rated inadequate?").asks_when  # a bound


def test_what_was_done_to_those_counted_is_the_verb_asked_about() -> None:
    assert analyse("How many settings were judged inadequate in Northtown?").action == stem(
        "judged"
    )
    assert analyse("How many staff have been dismissed?").action == stem("dismissed")
    assert analyse("How many children are in care?").action is None


def test_she_is_not_whom_he_stood_for() -> None:
    turns = [
        Turn("user", "Who did Jane Doe meet this week?"),
        Turn(
            "assistant", "Northtown Council Leader John Roe said: “We had a positive meeting.” [1]"
        ),
        Turn("user", "What did John Roe say about the meeting?"),
        Turn("assistant", "“She acknowledged our improvement.” [1]"),
        Turn("user", "What did he say next?"),
        Turn("assistant", "Nothing more. [1]"),
        Turn("user", "What is she considering?"),
    ]
    assert resolve(turns).question == "What is Jane Doe considering?"
    assert resolve(turns[:5]).question == "What did John Roe say next?"


def test_when_after_a_plural_question_agrees_with_it() -> None:
    turns = [
        Turn("user", "Why were the three staff members removed?"),
        Turn("assistant", "They had significant involvement with the child. [1]"),
        Turn("user", "When?"),
    ]
    assert resolve(turns).question == "When were the three staff members removed?"


def test_meant_is_a_verb_not_part_of_what_it_stands_for() -> None:
    turns = [
        Turn("user", "Which firm facilitated the rapid improvement programme?"),
        Turn("assistant", "Acme. [1]"),
        Turn("user", "What is it meant to establish?"),
        Turn("assistant", "A culture of ownership. [1]"),
        Turn("user", "Which areas does it cover?"),
    ]
    assert resolve(turns).question == "Which areas does the rapid improvement programme cover?"


def test_a_sentence_pointing_back_speaks_of_the_date_before_though_in_the_present() -> None:
    before = "The vacancy rate has dropped to 15 per cent in April 2010."
    this = dated("This is down from 180 vacancies to 100.", None, "2010-07-27", True, before)
    assert this.source == "paragraph" and this.dates == ("2010-04",)


def test_and_about_another_thing_replaces_what_was_asked_about() -> None:
    turns = [
        Turn("user", "What did Cllr Jane Doe say about the review?"),
        Turn("assistant", "“We are sorry.” [1]"),
        Turn("user", "And about the sentencing?"),
    ]
    assert resolve(turns).question == "What did Cllr Jane Doe say about the sentencing?"


def test_this_week_is_a_time_not_a_thing_pointed_back_to() -> None:
    turns = [
        Turn("user", "What did the Minister say in November 2009?"),
        Turn("assistant", "In November 2009 the Minister said: “Good progress.” [1]"),
        Turn("user", "Who met her this week?"),
    ]
    assert resolve(turns).question == "Who met the Minister this week?"


def test_how_many_times_is_answered_by_an_occasion_counted() -> None:
    unit = analyse("How many times has Ofsted rated Northtown inadequate?").unit
    assert gives_figure("Ofsted rated it inadequate for the second time.", unit, frozenset(), True)
    assert not gives_figure("Ofsted rated it inadequate in May.", unit, frozenset(), True)

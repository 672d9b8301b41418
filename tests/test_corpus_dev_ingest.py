"""Real, messy web pages ingested without a manifest get real titles, dates and clean text.

../shared/corpus-dev/docs holds 40 public pages as they were stored (menus, bylines,
"Page last updated", sign-up prompts, PDF-transcript debris); its manifest.csv, one
folder up, holds the true titles and dates. The pages are copied without it and
ingested through the real Assistant, then the inferred metadata is compared.
"""

from __future__ import annotations

import csv
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from assistant.settings import Settings
from index import Embedder, year_in_name

CORPUS_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus-dev"
MIN_TITLES = 26  # of 40; 29 measured (21 before furniture-aware titles)
MIN_DATES = 15  # of 35 with a manifest date; 17 measured (14 before a first line and
# "published today (Monday, 11 September)" could date a page, 11 before that)
Ingested = tuple[Assistant, dict[str, dict[str, str]]]
FURNITURE = (
    "Skip to main content",
    "Skip to content",
    "min read",
    "Page last updated",
    "last updated",
    "Hide Ad",
    "Sign up",
    "Embed Size",
    "Citation preview",
    "Image caption",
    "Getty Images",
    "This article is more than",
    "Upload:",
    "By The Newsroom",
    "Photograph:",
    "we use cookies",
)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Ingested]:
    """The 40 pages ingested once, without their manifest; rows keyed by file name."""
    if not (CORPUS_DEV / "manifest.csv").is_file():
        pytest.skip(f"development corpus not found at {CORPUS_DEV} (../shared is absent)")
    folder = tmp_path_factory.mktemp("corpus-dev") / "docs"
    shutil.copytree(CORPUS_DEV / "docs", folder, ignore=shutil.ignore_patterns("README*"))
    assistant = Assistant(Settings(home=folder.parent / "home"), embedder=embedder, create=True)
    report = assistant.ingest([folder])
    assert not report.failures, report.failures
    with (CORPUS_DEV / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = {Path(row["path"]).name: row for row in csv.DictReader(handle)}
    yield assistant, rows
    assistant.close()


def _words(text: str) -> list[str]:
    """Lower-case words with typographic quotes and accents folded, for fair comparison."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def _agrees(inferred: str, true: str) -> bool:
    """Equal once normalised, or sharing most words (a trimmed first sentence may differ)."""
    mine, theirs = set(_words(inferred)), set(_words(true))
    return bool(mine and theirs) and len(mine & theirs) >= 0.6 * max(len(mine), len(theirs))


def _by_file(assistant: Assistant) -> dict[str, tuple[str, str | None, str]]:
    """Each stored document's (title, date, text), keyed by its file name."""
    return {
        Path(doc.source).name: (doc.title, doc.date, assistant.store.text(doc.id))
        for doc in assistant.documents()
    }


def test_every_page_is_ingested_without_the_manifest(ingested: Ingested) -> None:
    assistant, rows = ingested
    stored = _by_file(assistant)
    assert set(stored) == set(rows)
    assert all(doc.kind == "other" for doc in assistant.documents())  # no sidecar was read


def test_no_furniture_in_titles_or_text(ingested: Ingested) -> None:
    assistant, _ = ingested
    left = [
        (name, phrase)
        for name, (title, _, text) in _by_file(assistant).items()
        for phrase in FURNITURE
        if phrase.lower() in title.lower() or phrase.lower() in text.lower()
    ]
    assert left == []


def test_titles_are_headings_not_furniture(ingested: Ingested) -> None:
    assistant, rows = ingested
    stored = _by_file(assistant)
    agreeing = [name for name, row in rows.items() if _agrees(stored[name][0], row["title"])]
    assert len(agreeing) >= MIN_TITLES, sorted(set(rows) - set(agreeing))
    for title, _, _ in stored.values():
        assert re.search(r"[A-Za-z]{3}", title), title  # never a page count or a bare date
        assert not re.fullmatch(r"[\w ,]*\d{4}", title), title  # never a dateline


@pytest.mark.parametrize(
    "name",
    [
        "leeds-child-services-still-inadequate-2010.txt",  # under "Page last updated at ..."
        "kirklees-shannon-matthews-scr-2010.txt",  # under "Published on ... Sections"
        "coventry-apologises-daniel-pelka-2013.txt",  # under a byline with a date
        "sandwell-remains-inadequate-2018.txt",  # under a byline with a date
        "somerset-ofsted-multi-remit-inspection-2014.txt",  # under "Press release"
        "manchester-leader-blog-ofsted-inadequate-2014.txt",  # under the site's name
        "ellie-butler-sscb-press-statement-2016.txt",  # a wrapped heading under labels
    ],
)
def test_heading_below_page_furniture_is_the_title(ingested: tuple, name: str) -> None:
    assistant, rows = ingested
    assert _by_file(assistant)[name][0] == rows[name]["title"]


def test_dates_match_the_manifest_where_the_page_states_them(ingested: Ingested) -> None:
    assistant, rows = ingested
    stored = _by_file(assistant)
    dated = {name: row["date"] for name, row in rows.items() if row["date"]}
    matching = [name for name, date in dated.items() if stored[name][1] == date]
    assert len(matching) >= MIN_DATES, sorted(set(dated) - set(matching))
    undated = [name for name, row in rows.items() if not row["date"]]
    assert [stored[name][1] for name in undated] == [None] * len(undated)  # none invented


def test_a_place_named_by_the_page_holds_for_its_sentences(ingested: Ingested) -> None:
    assistant, _ = ingested
    answer = assistant.ask("When did Ofsted inspect Devon's children's services?")
    assert answer.status == "answered", answer.answer
    assert "2020" in answer.answer  # the sentence says "our Children's Services", not "Devon"
    assert "three-week inspection of our Children’s Services" in answer.answer


def test_a_page_that_speaks_of_the_year_answers_for_it(ingested: Ingested) -> None:
    assistant, _ = ingested
    answer = assistant.ask("Who was made commissioner for Kirklees children's services in 2016?")
    assert answer.status == "answered", answer.answer
    assert "Eleanor Brazil" in answer.answer and "2016" in answer.answer


def test_support_needs_what_the_claim_says_not_only_whom_it_is_about(ingested: Ingested) -> None:
    checker = FactChecker.of(ingested[0])
    resigned = checker.check(
        "Somerset's director of children's services resigned after the multi-remit inspection."
    )
    assert resigned.verdict == "not_found", resigned.explanation
    # the page says the report criticised its leadership; "praised" is on no part of it,
    # though the sentence holds the rest of the claim's words
    praised = checker.check(
        "Ofsted's 2013 report praised the leadership and management of Sandwell's children's"
        " social care."
    )
    assert praised.verdict != "supported", praised.explanation


def test_a_paraphrase_is_held_by_a_word_close_in_meaning(ingested: Ingested) -> None:
    assistant, _ = ingested
    answer = assistant.ask("Who killed Daniel Pelka?")  # the page: "was murdered … by his mother"
    assert answer.status == "answered", answer.answer
    assert "murdered on 3 March 2012 by his mother and stepfather" in answer.answer.split("[1]")[0]


def test_ingest_keeps_one_vector_a_word(ingested: Ingested) -> None:
    store = ingested[0].store
    assert store.known_words({"murdered", "inspection", "zzzunseen"}) == {"murdered", "inspection"}
    vector = store.word_vectors({"murdered"})["murdered"]
    assert abs(float(vector @ vector) - 1.0) < 1e-3


def test_a_round_up_speaks_of_each_place_under_its_own_heading(ingested: Ingested) -> None:
    assistant, _ = ingested
    answer = assistant.ask("What did inspectors find during the Knowsley focused visit?")
    # the page's introduction is about every council it rounds up, so none of them alone
    assert "CYP Now looks at" not in answer.answer


def test_a_list_is_answered_whole_though_its_last_item_was_not_retrieved(
    ingested: Ingested,
) -> None:
    assistant, _ = ingested
    answer = assistant.ask("What did Rochdale's Improvement Notice recommend?")
    assert answer.status == "answered", answer.answer
    quotes = " ".join(c.evidence.quote for c in answer.citations)
    assert "areas of weakness" in quotes and "adoptive family" in quotes
    assert "sustain and build on the improvement" in quotes  # the item that ends with "."


def test_a_page_that_names_no_year_may_answer_for_any_and_says_so(ingested: Ingested) -> None:
    assistant, _ = ingested
    answer = assistant.ask("How many settings were judged inadequate in Somerset in 2014?")
    assert answer.status == "answered", answer.answer
    assert "six settings were judged inadequate" in answer.answer
    assert "Regional Director for the South West said:" not in answer.answer  # not an item
    assert "In an undated record that names no year" in answer.answer


def test_a_file_name_places_an_undated_page_in_its_year_for_who_holds_a_post(
    ingested: Ingested,
) -> None:
    """The Slough page gives no date and names 2015 only; its file name gives 2019. Who
    chairs the trust in 2019 is answered from it, saying where the year comes from; its
    ratings and figures are not placed in 2019 by the name."""
    assistant, _ = ingested
    answer = assistant.ask("Who chairs Slough Children's Services Trust in 2019?")
    assert answer.status == "answered", answer.answer
    assert "Robert Tapsfield" in answer.answer
    assert answer.answer.startswith("In an undated record whose file name gives 2019")
    assert year_in_name(Path("slough-trust-requires-improvement-2019.txt")) == "2019"


def test_a_page_about_a_place_is_about_its_county_council(ingested: Ingested) -> None:
    """The Devon page says "our Children's Services", never "County"."""
    answer = ingested[0].ask("How many care leavers does Devon County Council support?")
    assert answer.status == "answered", answer.answer
    assert "440 older care leavers" in answer.answer


def test_a_heading_line_answers_who_by_the_name_it_gives(ingested: Ingested) -> None:
    assistant, _ = ingested
    answer = assistant.ask(
        "Who wrote the December 2020 review of the Hampshire and Isle of Wight partnership?"
    )
    assert answer.status == "answered", answer.answer
    assert "Steve Crocker" in answer.citations[0].evidence.quote  # "Author Steve Crocker, …"
    grade = assistant.ask("How many multi-agency recommendations did review CE001 make?")
    assert "Appendix 1" not in grade.answer  # a heading's figure is no count


def test_another_figure_for_the_same_thing_counted_contradicts(ingested: Ingested) -> None:
    checker = FactChecker.of(ingested[0])
    week = checker.check(
        "Ofsted spent one week inspecting Devon's children's services at the start of 2020."
    )
    assert week.verdict == "contradicted", week.explanation
    assert "three-week" in week.citations[0].evidence.quote
    # "three decades" and "more than 30 years" count in other units: no contradiction
    decades = checker.check("Sheila Lock has over three decades' experience in public services.")
    assert decades.verdict != "contradicted", decades.explanation


def test_a_claim_opening_with_a_place_is_about_that_place(ingested: Ingested) -> None:
    """ "Leeds appointed …": the records write "Leeds" only as a name, so a page about
    another council's new director does not support it."""
    checker = FactChecker.of(ingested[0])
    result = checker.check(
        "Leeds appointed a new director of children's services after the January 2010 report."
    )
    assert result.verdict != "supported", result.explanation


def test_a_month_asked_is_answered_from_its_entry(ingested: Ingested) -> None:
    """A timeline page with an entry headed "April 2009" answers "what happened in April
    2009?" from that entry (the case the question names is its page's: "In the … timeline"
    names the record), not from its opening lines, which only share the page's mention of it."""
    answer = ingested[0].ask("In the Hamzah Khan timeline, what happened in April 2009?")
    quotes = [c.evidence.quote for c in answer.citations]
    assert answer.status == "answered", answer.answer
    assert "not collected" in quotes[0], answer.answer
    assert not any("glaring absences" in q for q in quotes)


def test_a_question_about_the_start_of_a_year_asks_the_year(ingested: Ingested) -> None:
    """ "at the start of 2020" asks for 2020; "start" is no word the sentence must hold, and
    "according to Devon's improvement plan" names the page, whose words it need not repeat."""
    answer = ingested[0].ask(
        "According to Devon's improvement plan, what overall verdict did Ofsted reach on its "
        "children's services at the start of 2020?"
    )
    assert answer.status == "answered", answer.answer
    assert "inadequate" in answer.citations[0].evidence.quote


def test_a_case_code_is_held_by_its_page(ingested: Ingested) -> None:
    """ "review CE001" names the page's case, as a place names the page's council: the
    sentence denying the claim need not repeat the code."""
    checker = FactChecker.of(ingested[0])
    result = checker.check(
        "Chris Brabbs sat as a member of the panel for the Cheshire East review CE001."
    )
    assert result.verdict == "contradicted", result.explanation
    assert "not a member" in result.citations[0].evidence.quote


def test_a_child_named_by_given_name_alone_is_named(ingested: Ingested) -> None:
    """ "after Hamzah's death" names Hamzah Khan: the page gives his whole name. A name only
    the title gives does not name him in every sentence."""
    checker = FactChecker.of(ingested[0])
    result = checker.check(
        "The children's minister raised five glaring absences in the Hamzah Khan serious case"
        " review."
    )
    assert result.verdict == "contradicted", result.explanation
    assert "10" in result.citations[0].evidence.quote


def test_a_sentence_quoted_in_a_list_is_not_shown_again_before_the_next(
    ingested: Ingested,
) -> None:
    assistant, _ = ingested
    answer = assistant.ask("What were the outcomes of the Somerset inspections?")
    assert answer.status == "answered", answer.answer
    first = answer.citations[0].evidence.quote
    assert answer.answer.count(first) == 1, answer.answer
    # the outcomes run on under the next heading: the section is the neighbourhood
    assert "a third were judged less than good" in answer.answer
    assert "six settings were judged inadequate" in answer.answer
    assert "Regional Director for the South West said:" not in answer.answer  # not an item


@pytest.mark.parametrize(
    ("claim", "needle"),
    [
        (  # a negation the records give and the claim drops
            "The national panel concluded that the deaths of Arthur and Star were isolated"
            " incidents.",
            "not isolated incidents",
        ),
        (  # another place in the same count
            "The January 2010 report was the first time Leeds children's services had been"
            " judged inadequate.",
            "second time",
        ),
    ],
)
def test_a_conflict_close_in_meaning_contradicts(
    ingested: Ingested, claim: str, needle: str
) -> None:
    result = FactChecker.of(ingested[0]).check(claim)
    assert result.verdict == "contradicted", result.explanation
    assert needle in result.citations[0].evidence.quote


def test_a_claim_opening_with_a_name_is_about_that_name(ingested: Ingested) -> None:
    checker = FactChecker.of(ingested[0])
    # Croydon's page gives "adequate" for its own previous inspection: not Manchester's
    result = checker.check(
        "Manchester's previous safeguarding inspection in November 2010 rated its services good."
    )
    quotes = " ".join(c.evidence.quote for c in result.citations)
    assert "Croydon" not in quotes, result.explanation


def test_a_sentence_that_introduces_a_list_answers_with_its_items(ingested: Ingested) -> None:
    assistant, _ = ingested
    answer = assistant.ask("Which areas did Ofsted judge inadequate in Tower Hamlets in 2017?")
    assert answer.status == "answered", answer.answer
    quotes = [c.evidence.quote for c in answer.citations]
    assert "Children who need help and protection - Inadequate" in quotes
    assert "Leadership, management and governance - Inadequate" in quotes
    assert not any("Requires improvement" in q for q in quotes)  # not the grade asked about


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        # "how long … last" asks for a duration, not for the words "long" and "last"
        ("How long did Ofsted's inspection of Devon last?", "three-week inspection"),
        # a councillor's quote under a heading about the review scores as high by its
        # context, but the sentence naming who carried it out says so itself and leads
        (
            "Who carried out the review of Leeds children's services at the end of 2009?",
            "Care Quality Commission",
        ),
        # "Manchester City Council" above the blog's title: every sentence below is about it
        ("When had Ofsted previously inspected safeguarding in Manchester?", "November 2010"),
        # "going" is no word to match: "will be chaired" answers "is going to chair"
        ("Who is going to chair the new Sandwell Children's Trust?", "Jacqui Smith"),
        # "Ms" is a courtesy title, not a name the record must repeat; "came" is "come"
        ("Where did Ms Smith come from?", "Leicester City Council"),
        # a timeline entry under the heading "December 2006" answers for that month, not
        # the page's opening lines, which only share the page's mention of it
        ("In the Hamzah Khan case, what happened in December 2006?", "domestic violence"),
        # a list question wants a list: the 2017 report's judgements, not a later page that
        # recalls the grade and scores a little higher
        ("Which areas did Ofsted rate inadequate in Tower Hamlets in 2017?", "protection - Inad"),
        # "what is her job?" asks for a role, and "Officer for …" is one
        (
            "Who spoke for the RCPCH about the panel's report, and what is her job there?",
            "Officer for Child Protection",
        ),
        # "spoke" and "said" are one verb of saying
        ("Who spoke for Ofsted about the Somerset findings?", "Bradley Simmons"),
    ],
)
def test_the_first_quote_answers(ingested: Ingested, question: str, needle: str) -> None:
    answer = ingested[0].ask(question)
    assert answer.status == "answered", answer.answer
    assert needle in answer.citations[0].evidence.quote


def test_a_sentence_dated_by_its_undated_page_may_speak_of_a_year_from_the_page_on(
    ingested: Ingested,
) -> None:
    """ "In June and July this year" on an undated page that names 2010: written in 2010 or
    later, so it may answer for 2014 (and says it cannot place its date), never for 2009."""
    later = ingested[0].ask("How many inspectors did Ofsted send to Manchester in 2014?")
    assert later.status == "answered", later.answer
    assert "ten inspectors" in later.citations[0].evidence.quote
    assert "so its “this year” cannot be placed" in later.answer
    earlier = ingested[0].ask("How many inspectors did Ofsted send to Manchester in 2009?")
    assert earlier.status == "not_found", earlier.answer


def test_a_grade_in_a_record_of_another_year_does_not_deny_a_claim(ingested: Ingested) -> None:
    """A later re-inspection's "judgement of inadequate", in a sentence its record of 2017
    dates, neither confirms nor denies what a 2014 inspection judged of adoption."""
    checker = FactChecker.of(ingested[0])
    result = checker.check(
        "Ofsted's 2014 inspection judged Manchester's adoption performance as requiring "
        "improvement."
    )
    quotes = [c.evidence.quote for c in result.citations]
    assert result.verdict == "not_found" or "Adoption" in quotes[0], result.explanation


def test_an_office_asked_for_is_a_word_of_the_record_not_a_stem(ingested: Ingested) -> None:
    """ "to direct the Council" does not name a director: nobody the notice page names was
    Rochdale's director of children's services."""
    answer = ingested[0].ask(
        "Who was Rochdale's director of children's services when the notice was served?"
    )
    assert answer.status == "not_found", answer.answer


def test_the_parts_of_a_question_meeting_in_one_sentence_are_answered_by_it(
    ingested: Ingested,
) -> None:
    """Neither part alone scores enough, but both score best the sentence naming who
    responded and her post: the parts, asked apart, meet in it."""
    answer = ingested[0].ask("Who responded on behalf of the RCPCH, and what is her role?")
    assert answer.status == "answered", answer.answer
    quote = answer.citations[0].evidence.quote
    assert "Alison Steele" in quote and "Officer for Child Protection" in quote
    assert answer.reason is None  # both parts are answered


def test_a_list_of_short_and_full_items_is_answered_whole(ingested: Ingested) -> None:
    """A short item ("Establishing National … Standards") above a full-sentence one is not
    the next item's heading: the list runs on to its last item."""
    answer = ingested[0].ask("What did the panel recommend to Government?")
    assert answer.status == "answered", answer.answer
    quotes = " ".join(c.evidence.quote for c in answer.citations)
    assert "expert-led" in quotes and "Practice Standards" in quotes
    assert "domestic abuse" in quotes

"""The fourteenth round's probe over real public pages (written here about Northtown, no real
council; Sam Roe, Ann Poe, Tom Coe and Kim Loe are no real people): "straight after" is no
word a record must hold; "he" after "her partner" is the partner; a figure the review's
page gives, its names beside it, supports a claim; "described … as" is said in other words
("singled out … as"), on the page's date; "how many people" is counted by "individuals"; a
list item is read with its lead-in line; a word opening a sentence is no part of a name;
and, on the reference statements, work under way is not work done, and "completed" is
said as "implemented"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.intent import names_in, satisfies
from assistant.answer.question import analyse
from assistant.conversation import Turn, resolve
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from index import Embedder

from .conftest import page_assistant

PAGE = """Northtown review into Sam Roe's death published

Sam Roe, aged four, died at his home in Northtown in March 2015.

The local MP, Kim Loe, was highly critical of the council's children's services in the days
after the death.

His mother Ann Poe, aged 28, and her then partner Tom Coe, aged 35, were arrested in April
2015.

The review found Sam's death was preventable. Among the review's 14 recommendations are
better sharing of information between agencies and more training for health visitors.

The police investigation identified at least 30 individuals who could have intervened.
"""


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page, ingested once."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-review.txt", PAGE)
    yield assistant
    assistant.close()


def test_straight_after_is_no_word_a_record_must_hold() -> None:
    question = analyse("Which MP criticised the council straight after Sam Roe died?")
    assert "straight" not in question.term_words
    assert "shortly" not in analyse("Who spoke shortly before the vote?").term_words


def test_he_after_her_partner_is_the_partner() -> None:
    turns = [
        Turn("user", "Who was arrested after Sam Roe died?"),
        Turn("assistant", "His mother Ann Poe, aged 28, and her then partner Tom Coe. [1]"),
        Turn("user", "What was Ann Poe's partner charged with?"),
        Turn("assistant", "The records do not say."),
        Turn("user", "How old was he?"),
    ]
    assert resolve(turns).question == "How old was Ann Poe's partner?"


def test_her_partner_rewritten_leaves_he_for_the_partner() -> None:
    turns = [
        Turn("user", "Who was Sam Roe's mother?"),
        Turn("assistant", "His mother Ann Poe, aged 28. [1]"),
        Turn("user", "And what was her partner charged with?"),
        Turn("assistant", "The records do not say."),
        Turn("user", "How old was he?"),
    ]
    assert resolve(turns).question == "How old was Ann Poe's partner?"


def test_a_figure_with_its_names_beside_it_supports(review: Assistant) -> None:
    """ "the review's 14 recommendations" on a page about Sam Roe's review."""
    checker = FactChecker.of(review)
    supported = checker.check("The review into Sam Roe's death made 14 recommendations.")
    assert supported.verdict == "supported", supported.explanation
    assert "14 recommendations" in supported.citations[0].evidence.quote
    other = checker.check("The review into Sam Roe's death made 20 recommendations.")
    assert other.verdict != "supported", other.explanation


DISGRACE = """Northtown branded a disgrace for child protection failures

Published 14 October 2016

Children are being let down by councils with weak leadership, according to the chief
inspector, who singled out Northtown as a "national disgrace".
"""


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The dated page, ingested once."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-branded.txt", DISGRACE)
    yield assistant
    assistant.close()


def test_described_as_is_what_a_record_may_say_in_other_words(branded: Assistant) -> None:
    """ "described … as" is a verb of calling: "singled out … as" says it, on the page's date."""
    checker = FactChecker.of(branded)
    result = checker.check(
        "The chief inspector described Northtown as a national disgrace in October 2016."
    )
    assert result.verdict == "supported", result.explanation
    assert "national disgrace" in result.citations[0].evidence.quote


def test_how_many_people_is_counted_by_a_noun_close_in_meaning(review: Assistant) -> None:
    """ "how many people" is answered by "30 individuals" (the words' vectors are close)."""
    answer = review.ask("How many people did the police say could have intervened?")
    assert answer.status == "answered", answer.answer
    assert "30 individuals" in answer.citations[0].evidence.quote


PANEL = """Northtown panel calls for national standards

The panel found that agencies did not share what they knew about Sam Roe.

The Panel is making recommendations to Government as follows:

A new expert-led model for child protection investigation and review.

Establishing National Multi-Agency Practice Standards for Child Protection

Strengthening the local Safeguarding Partners to ensure all agencies take part.

Children who need help and protection
"""


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page with a list of recommendations, ingested once."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-panel.txt", PANEL)
    yield assistant
    assistant.close()


def test_a_list_item_under_its_lead_in_is_evidence(panel: Assistant) -> None:
    """A short unpunctuated line under "… as follows:" is an item, read with its lead-in;
    "asked Government to" is what "recommendations to Government" says in other words."""
    checker = FactChecker.of(panel)
    result = checker.check(
        "The panel asked Government to create national multi-agency standards for child "
        "protection practice."
    )
    assert result.verdict == "supported", result.explanation
    assert result.citations[0].evidence.quote.startswith("Establishing National")


def test_an_item_adding_nothing_of_the_claim_is_no_evidence(panel: Assistant) -> None:
    """Every item shares its lead-in's words: one that holds little of the claim itself
    ("Children who need help and protection") does not speak to it."""
    checker = FactChecker.of(panel)
    result = checker.check("The panel made recommendations to Government about children.")
    assert all(not c.evidence.quote.startswith("Children who need") for c in result.citations), (
        result.explanation
    )


def test_a_word_opening_the_sentence_is_no_part_of_a_name() -> None:
    """ "Now Jane Doe, …" names Jane Doe: a who-question about her is not answered by it."""
    assert names_in("Now Jane Doe, the interim director, has pledged to act.") == ["Jane Doe"]
    assert names_in("The Northtown Safeguarding Board met.") == ["Northtown Safeguarding Board"]
    asked = frozenset({"who", "took", "over", "after", "jane", "doe"})
    assert not satisfies("person", "Now Jane Doe, the interim director, has pledged.", asked)


def test_work_under_way_is_not_work_done(reference: Assistant) -> None:
    """The reference statement: ten recommendations fully implemented, "a further two …
    in the process of being implemented"; a claim that those two are done is contradicted."""
    checker = FactChecker.of(reference)
    result = checker.check("The two recommendations from the criminal trial have been implemented.")
    assert result.verdict == "contradicted", result.explanation
    assert "in the process of" in result.explanation


def test_completed_is_said_as_implemented(reference: Assistant) -> None:
    """ "completed" and "implemented" each say the work was done."""
    checker = FactChecker.of(reference)
    result = checker.check(
        "Every one of the 28 improvement areas the council found for itself has now been completed."
    )
    assert result.verdict == "supported", result.explanation
    assert "28 areas for improvement" in result.citations[0].evidence.quote

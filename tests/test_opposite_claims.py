"""The seventeenth round (a page written here about Northtown, no real council; Jo Vey and
Kit Dale are no real people): a claim that says the opposite of a record in other words
("rejected" where it says "accepted", "gave up" where it says "retained", "disbanded" where
it says "will remain in place") is contradicted by it; the record's own side, or a negated
side, is not, and another word of its side ("kept" for "retained") is supported; a record
cannot deny what the claim dates after it; a sentence saying "we" in a council's statement
holds the claim's "council"; "murdered by his mother and his grandfather" is contradicted
by "murdered on 3 March 2012 by his mother and stepfather"; a name of two words owning
children's services ("Tower Hamlets children's services") is a place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.intent import place_stems
from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from assistant.factcheck.opposites import agreement, opposition
from index import Embedder

from .conftest import page_assistant

PAGE = """Northtown children's services inadequate, inspectors say

Published 4 March 2019

Inspectors said Northtown's children's services had deteriorated significantly since their
last visit in 2015.

Senior leaders said they accepted the findings and children deserve better.

Northtown Council retained political and financial responsibility for the service, while
a new Interim Director of Children's Services, Jo Vey, was appointed to lead it.
"""


@pytest.fixture(scope="module")
def northtown(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-inadequate-2019.txt", PAGE)
    yield assistant
    assistant.close()


def test_a_side_the_unit_never_uses_against_the_side_it_says() -> None:
    found = opposition("The leaders rejected the findings.", "They accepted the findings.")
    assert found is not None and (found.said, found.given) == ("rejected", "accepted")
    assert opposition("The report was kept confidential.", "It was made public.") is not None
    quoted = opposition("Services had deteriorated.", "Services have ‘substantially improved’.")
    assert quoted is not None and quoted.given == "improved"


def test_no_opposition_when_either_side_is_negated_or_both_are_said() -> None:
    assert opposition("The notice was kept confidential.", "It was not made public.") is None
    assert opposition("The notice was not published.", "It was kept confidential.") is None
    both = "Some were accepted and others rejected."
    assert opposition("The leaders rejected the findings.", both) is None


@pytest.mark.parametrize(
    "claim",
    [
        "Northtown's senior leaders rejected the inspectors' findings.",
        "Inspectors said Northtown's children's services had improved significantly since 2015.",
        "Northtown Council gave up financial responsibility for its children's services.",
        "Northtown appointed a permanent Director of Children's Services to lead the service.",
    ],
)
def test_a_claim_saying_the_opposite_is_contradicted(northtown: Assistant, claim: str) -> None:
    check = FactChecker.of(northtown).check(claim)
    assert check.verdict == "contradicted", check.explanation
    assert "records say “" in check.explanation


def test_the_records_own_side_is_supported(northtown: Assistant) -> None:
    check = FactChecker.of(northtown).check("Northtown's senior leaders accepted the findings.")
    assert check.verdict == "supported", check.explanation


def test_another_word_of_the_records_side_is_supported(northtown: Assistant) -> None:
    assert agreement("The council kept control.", "The council retained control.") == "kept"
    claim = "Northtown Council kept financial responsibility for its children's services."
    check = FactChecker.of(northtown).check(claim)
    assert check.verdict == "supported", check.explanation


def test_the_reference_task_force_is_not_disbanded(reference: Assistant) -> None:
    checker = FactChecker.of(reference)
    check = checker.check("The Task Force has been disbanded.")
    assert check.verdict == "contradicted", check.explanation
    assert "remain" in check.explanation


def test_a_record_cannot_deny_what_the_claim_dates_after_it(reference: Assistant) -> None:
    """The statement of March 2010 says the Task Force "will remain in place": a claim that
    it was disbanded in 2010 may be of later that year."""
    check = FactChecker.of(reference).check("The Task Force was disbanded in 2010.")
    assert check.verdict == "not_found", check.explanation


def test_the_reference_scrutiny_report_was_not_kept_confidential(reference: Assistant) -> None:
    check = FactChecker.of(reference).check("The council's scrutiny report was kept confidential.")
    assert check.verdict == "contradicted", check.explanation


def test_we_in_a_councils_statement_is_the_council(reference: Assistant) -> None:
    """ "We have met four of the eight targets; … the remaining stubborn target is about
    recruitment of social workers", in the council's statement, is what the council says."""
    claim = (
        "The one target the council is still struggling with concerns recruiting social workers."
    )
    check = FactChecker.of(reference).check(claim)
    assert check.verdict == "supported", check.explanation


MURDER = """Northtown apologises over Kit Dale

Living in Northtown for most of his life, Kit Dale was murdered on 3 March 2012 by his
mother and stepfather after a long period of neglect.
"""


@pytest.fixture(scope="module")
def murder(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-kit-dale.txt", MURDER)
    yield assistant
    assistant.close()


def test_another_doer_described_after_the_same_verb_contradicts(murder: Assistant) -> None:
    checker = FactChecker.of(murder)
    wrong = checker.check("Kit Dale was murdered by his mother and his grandfather.")
    assert wrong.verdict == "contradicted", wrong.explanation
    assert "stepfather" in wrong.explanation
    right = checker.check("Kit Dale was murdered by his mother and stepfather.")
    assert right.verdict == "supported", right.explanation


def test_a_place_of_two_words_owning_services_may_be_held_by_its_page() -> None:
    """ "Tower Hamlets children's services": a place its page is about, not a person the
    sentence must name."""
    assert place_stems("Some Tower Hamlets children's services had improved.") == {"tower", "hamle"}
    assert not place_stems("Jane Doe's review was published.")

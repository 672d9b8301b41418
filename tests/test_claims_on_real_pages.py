"""Claims checked against pages shaped as real ones are, from the eleventh round's probe over
real public pages (written here about Northtown, no real council; Jane Doe is no real
person): a tenure heading ("Jane Doe (Jan 2011 - April 2012)") names whom its whole paragraph
speaks of, and a four-digit number before a plural noun ("1900 staff") is a count, not a
year."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from index import Embedder, find_dates

from .conftest import add_pages, page_assistant

HEADS = """Changing heads of Northtown's children's service

The authority has had four directors of children's services in seven years.

Jane Doe (Jan 2011 - April 2012)

Appointed interim director on a 12 month contract in 2011. The contract had an option to \
extend to 18 months - which it was. She was reportedly paid £1,000 a day.

John Roe (April 2012 - July 2013)

Started in April 2012 but left after just 15 months.
"""

OTHER_PAGES = {
    "northtown-trust-launch.txt": "The trust is launched\n\nThe new Northtown trust launched"
    " on 1 April.\n\n1900 staff transferred into the trust on its first day.\n",
    "westshire-budget.txt": "Westshire budget\n\nWestshire County Council set aside £2"
    " million for social work.\n",
    "southtown-visit.txt": "Southtown visit\n\nInspectors visited Southtown in May 2019 and"
    " found services improving.\n",
}


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[FactChecker]:
    """The pages ingested once for this module (several, so that a person's name is rare)."""
    assistant: Assistant = page_assistant(tmp_path_factory, embedder, "northtown-heads.txt", HEADS)
    add_pages(assistant, tmp_path_factory, OTHER_PAGES)
    yield FactChecker.of(assistant)
    assistant.close()


def test_a_tenure_heading_names_whom_its_whole_paragraph_speaks_of(
    checker: FactChecker,
) -> None:
    result = checker.check("Interim director Jane Doe was reported to have been paid £1,000 a day.")
    assert result.verdict == "supported", result.explanation
    assert "£1,000 a day" in result.citations[0].evidence.quote


def test_a_four_digit_number_before_a_plural_noun_is_a_count() -> None:
    assert find_dates("1900 staff transferred into the trust.") == []
    assert [d.value for d in find_dates("In 2010 councils were told to act.")] == ["2010"]
    assert [d.value for d in find_dates("The 2014 reviews were read.")] == ["2014"]


def test_a_count_read_as_a_year_no_longer_hides_a_rival_figure(checker: FactChecker) -> None:
    result = checker.check("Around 1,200 staff transferred into the Northtown trust.")
    assert result.verdict == "contradicted", result.explanation

"""A claim that puts another name where the records put one, from the eleventh round's probes,
on a page written for the test (Northtown and Eastshire are no real councils, Jane Doe no real
person): contradicted, naming both, when the records know the claimed name too; a date in the
same place is no rival name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from index import Embedder

from .conftest import add_pages, page_assistant

PAGE = """Northtown children's trust to launch in April

Published 29 January 2018

The new Northtown Children's Trust will be chaired by Jane Doe, who came from Eastshire \
County Council where she oversaw services for children.

The director, John Roe, took up an interim post in July 2015 before his permanent \
appointment in March 2016.

Jane Doe has worked in social care in England for twenty years.
"""

OTHER_PAGES = {
    "westshire-trust-2017.txt": "Westshire trust\n\nWestshire County Council runs a similar"
    " trust for its children's services.\n",
    "southtown-visit-2019.txt": "Southtown visit\n\nInspectors visited Southtown in May 2019"
    " and found services improving.\n",
    "easton-budget-2020.txt": "Easton budget\n\nEaston Borough Council set aside £2 million"
    " for social work.\n",
}


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[FactChecker]:
    """The page and three others (so that a name is rare, as in real records) ingested once
    for this module, with its fact-checker."""
    assistant: Assistant = page_assistant(
        tmp_path_factory, embedder, "northtown-trust-2018.txt", PAGE
    )
    add_pages(assistant, tmp_path_factory, OTHER_PAGES)
    yield FactChecker.of(assistant)
    assistant.close()


def test_another_body_after_the_same_word_contradicts(checker: FactChecker) -> None:
    result = checker.check("Jane Doe came to the Northtown trust from Westshire County Council.")
    assert result.verdict == "contradicted", result.explanation
    assert "Eastshire County Council" in result.explanation
    assert "Westshire County Council" in result.explanation


def test_the_same_body_supports_or_is_left_alone(checker: FactChecker) -> None:
    result = checker.check("Jane Doe came to the Northtown trust from Eastshire County Council.")
    assert result.verdict != "contradicted", result.explanation


def test_a_month_in_the_same_place_is_no_rival_name(checker: FactChecker) -> None:
    result = checker.check("John Roe was made the permanent director in Westshire in July 2015.")
    assert "March, not" not in result.explanation


def test_two_places_after_in_may_both_hold(checker: FactChecker) -> None:
    result = checker.check("Jane Doe has worked in social care in Westshire for twenty years.")
    assert result.verdict != "contradicted", result.explanation

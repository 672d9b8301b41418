"""Claims of the thirteenth round's probe over real public pages (written here about
Northtown, no real council; Jane Doe and Sam Roe are no real people): a span claimed is
supported only by a record giving both its ends, and contradicted by one giving the same
start and another end; a sum of money is no rival to a count."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.engine import Assistant
from assistant.factcheck import FactChecker
from assistant.factcheck.facts import read_facts
from index import Embedder

from .conftest import page_assistant

PAGE = """Northtown's directors of children's services

Jane Doe served as interim director from 2011 to April 2012 and was reportedly paid £900 a
day. While Ms Doe led the department, Sam Roe was murdered by his mother in January 2011.

The council has commissioned 20 serious case reviews in seven years, including the review
into the death of Sam Roe.
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[FactChecker]:
    """The page, ingested once, and a checker over it."""
    assistant: Assistant = page_assistant(tmp_path_factory, embedder, "directors.txt", PAGE)
    yield FactChecker.of(assistant)
    assistant.close()


def test_a_span_with_another_end_is_contradicted(checker: FactChecker) -> None:
    result = checker.check("Jane Doe led the department from 2011 until 2014.")
    assert result.verdict == "contradicted"
    assert "April 2012" in result.citations[0].evidence.quote


def test_a_span_with_both_ends_given_is_supported(checker: FactChecker) -> None:
    assert checker.check("Jane Doe led the department from 2011 until April 2012.").verdict == (
        "supported"
    )


def test_a_sum_is_no_rival_to_a_count(checker: FactChecker) -> None:
    sums = read_facts("The review cost £250,000 and 10 million pounds.", set()).figures
    assert all(f.money for f in sums)
    assert not any(f.money for f in read_facts("It held 20 reviews.", set()).figures)
    result = checker.check("The Sam Roe serious case review cost £250,000.")
    assert result.verdict == "not_found"

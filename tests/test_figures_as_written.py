"""Figures and years as pages write them, from the eleventh round's probes (Northtown is no
real council): "£5m" is the same amount as "£5 million", "0.5 per cent" is a figure, not a
telephone number, and the year in "the Education Act 1996" is part of a law's name, not a
date."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer.figures import gives_figure
from assistant.engine import Assistant
from assistant.factcheck.facts import read_facts
from index import Embedder, find_dates

from .conftest import page_assistant

PAGE = """Northtown puts more into social care

Published 12 October 2017

The cabinet member said an extra £5m was going into children's social care this year.
"""


@pytest.fixture(scope="module")
def northtown(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page ingested once for this module."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-budget-2017.txt", PAGE)
    yield assistant
    assistant.close()


def values(text: str) -> list[float]:
    return [f.value for f in read_facts(text, set()).figures]


def test_a_million_written_short_is_the_same_figure() -> None:
    assert values("An extra £5m went in.") == values("An extra £5 million went in.") == [5.0]
    assert values("It cost £1.5bn.") == [1.5]
    assert gives_figure("An extra £5m went in.", "money", frozenset(), True)


def test_a_fraction_below_one_is_a_figure_and_a_telephone_number_is_not() -> None:
    assert values("Rates rose by 0.5 per cent.") == [0.5]
    assert 121.0 not in values("Call 0121 303 1111.")


def test_how_much_finds_an_amount_written_short(northtown: Assistant) -> None:
    answer = northtown.ask("How much extra was going into children's social care in Northtown?")
    assert answer.status == "answered", answer.answer
    assert "£5m" in answer.answer


def test_the_year_of_a_law_is_part_of_its_name() -> None:
    text = "Powers under the Education Act 1996 could be used in 2013."
    assert [d.value for d in find_dates(text)] == ["2013"]

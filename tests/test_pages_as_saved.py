"""Pages as news sites serve them, from the eleventh round's probe over real public pages
(written here about Northtown, no real council; Sam Roe and Jane Doe are no real people):
furniture run together on one line, browser notices and a site's "| Homepage" line are no
titles; a date in the saved file's name dates a page whose text gives none; a child named by
given name alone, on a page naming them in full, is the child the question names; a page that
only mentions a review does not say who wrote it; and "who took over from X?" asks for someone
other than X."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer.intent import answer_type
from assistant.engine import Assistant
from index import Embedder
from index.cleaning import clean_text
from index.furniture import is_furniture
from index.inference import day_in_name, infer_title

from .conftest import page_assistant

SERVED = """Skip to main content Skip to navigation

Your browser is no longer supported

For the best possible experience using our website we recommend you upgrade your browser.

Northtown's children's services inadequate, says watchdog

Inspectors found serious failures in the help given to children at risk.
"""

REVIEW = """Review finds 'collective failure' over Sam Roe's death

Making eight recommendations to the organisations involved in Sam's care, the review's \
author said agencies had lost focus.

Central government has promised more money for social work in the region.
"""


@pytest.fixture(scope="module")
def northtown(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The review page, saved under a name with the day it was published, ingested once."""
    assistant = page_assistant(
        tmp_path_factory, embedder, "northtown-news-2013-10-03-sam-roe-review.txt", REVIEW
    )
    yield assistant
    assistant.close()


def test_furniture_run_together_and_browser_notices_are_furniture() -> None:
    assert is_furniture("Skip to main content Skip to navigation")
    assert is_furniture("Your browser is no longer supported")
    assert is_furniture("The Northtown Files | Homepage")
    assert not is_furniture("Northtown's children's services inadequate, says watchdog")


def test_the_headline_after_the_furniture_is_the_title() -> None:
    title = infer_title(clean_text(SERVED))
    assert title == "Northtown's children's services inadequate, says watchdog"


def test_a_day_in_the_file_name_dates_a_page_that_gives_none(northtown: Assistant) -> None:
    assert day_in_name(Path("news-2012-01-27-director.txt")) == "2012-01-27"
    assert day_in_name(Path("review-2019.txt")) is None
    assert day_in_name(Path("two-2012-01-27-2013-01-01.txt")) is None
    (document,) = northtown.store.documents()
    assert document.date == "2013-10-03"


def test_a_child_named_by_given_name_is_the_child_named_in_full(northtown: Assistant) -> None:
    answer = northtown.ask("How many recommendations did the Sam Roe review make?")
    assert answer.status == "answered", answer.answer
    assert "eight recommendations" in answer.answer


def test_a_place_read_as_a_person_is_not_held_by_a_common_word(northtown: Assistant) -> None:
    answer = northtown.ask("How much money did Central Westshire promise for social work?")
    assert answer.status == "not_found", answer.answer


MENTION = """Changing heads of Northtown's children's service

As a serious case review is published into the death of two-year-old Sam Roe, who was beaten \
to death by his mother Jane Roe, Northtown News looks at the recent bosses of Northtown City \
Council's troubled children's department.

The authority has had four strategic directors of children's services in seven years.
"""


def test_a_page_that_only_mentions_a_review_does_not_say_who_wrote_it(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-bosses.txt", MENTION)
    try:
        answer = assistant.ask("Who wrote the Sam Roe serious case review?")
        assert answer.status == "not_found", answer.answer
    finally:
        assistant.close()


def test_who_took_over_asks_for_a_person() -> None:
    assert answer_type("Who took over from Jane Doe?") == "person"
    assert answer_type("Who succeeded Jane Doe as director?") == "person"


def test_a_rate_or_salary_asks_for_a_figure() -> None:
    assert answer_type("What daily rate was Jane Doe reported to have been paid?") == "number"
    assert answer_type("What annual salary did the director get?") == "number"

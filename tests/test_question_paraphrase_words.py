"""The seventeenth round (a page written here about Northtown, no real council; Sam Roe is no
real person): words that only stress how a thing was done ("formally begun", "officially
opened"), or say which ones a question means ("the main areas"), are no words a record
must hold. Who runs, leads or heads a body is told by who holds its leading office ("the
trust's chief executive"), shown on a corpus-dev page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer.question import analyse
from assistant.engine import Assistant
from index import Embedder

from .conftest import page_assistant

PAGE = """Northtown Safeguarding Children Board: statement on Sam Roe

Sam Roe died on 17th May 2012. A Serious Case Review was commenced on 23rd May 2012. Reviews
are not inquiries into how a child dies or who is to blame.
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-board.txt", PAGE)
    yield assistant
    assistant.close()


def test_formally_and_officially_only_frame_the_question() -> None:
    question = analyse("When was the serious case review into Sam Roe's death formally begun?")
    assert "formally" not in question.term_words
    assert "begun" in question.term_words
    opened = analyse("When was the centre officially opened?")
    assert "officially" not in opened.term_words
    concerns = analyse("What were the panel's main areas of concern?")  # "three major areas"
    assert "main" not in concerns.term_words


def test_when_a_review_was_formally_begun_is_when_it_was_commenced(board: Assistant) -> None:
    answer = board.ask("When was the serious case review into Sam Roe's death formally begun?")
    assert answer.status == "answered", answer.answer
    assert "23rd May 2012" in answer.answer


SUNDERLAND = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus-dev"
    / "docs"
    / "sunderland-inadequate-to-outstanding-2021.txt"
)


@pytest.fixture(scope="module")
def sunderland(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The corpus-dev page as stored (its heading line names the trust's chief executive)."""
    if not SUNDERLAND.is_file():
        pytest.skip(f"corpus-dev page not found at {SUNDERLAND} (../shared is absent)")
    text = SUNDERLAND.read_text(encoding="utf-8")
    assistant = page_assistant(tmp_path_factory, embedder, SUNDERLAND.name, text)
    yield assistant
    assistant.close()


def test_who_runs_a_body_is_who_holds_its_leading_office(sunderland: Assistant) -> None:
    answer = sunderland.ask("Who runs Together for Children in Sunderland?")
    assert answer.status == "answered", answer.answer
    assert "Jill Colbert" in answer.answer

"""The seventeenth round (a page written here about Northtown, no real council; Sam Roe is
no real person): adverbs that only stress how a thing was done ("formally begun",
"officially opened") are no words a record must hold; the verb they qualify is."""

from __future__ import annotations

from collections.abc import Iterator

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


def test_when_a_review_was_formally_begun_is_when_it_was_commenced(board: Assistant) -> None:
    answer = board.ask("When was the serious case review into Sam Roe's death formally begun?")
    assert answer.status == "answered", answer.answer
    assert "23rd May 2012" in answer.answer

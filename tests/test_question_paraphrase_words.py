"""The seventeenth round (a page written here about Northtown, no real council; Sam Roe is no
real person): words that only stress how a thing was done ("formally begun", "officially
opened", "first took", "on an interim basis"), or say which ones a question means ("the
main areas"), are no words a record must hold. Who runs, leads or heads a body is told by
who holds its leading office ("the trust's chief executive"); what someone is "meant to do"
is what they will do; where they worked before is where they "came from" (all shown on
corpus-dev pages). Who took over after someone is not told by a sentence about them alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer.demands import unmet
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
    interim = analyse("When did she first take the job on an interim basis?")
    assert "first" not in interim.term_words and "basis" not in interim.term_words
    assert "first" in analyse("When was the first report published?").term_words


def test_when_a_review_was_formally_begun_is_when_it_was_commenced(board: Assistant) -> None:
    answer = board.ask("When was the serious case review into Sam Roe's death formally begun?")
    assert answer.status == "answered", answer.answer
    assert "23rd May 2012" in answer.answer


CORPUS_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus-dev" / "docs"
SUNDERLAND = CORPUS_DEV / "sunderland-inadequate-to-outstanding-2021.txt"
KIRKLEES = CORPUS_DEV / "kirklees-inadequate-commissioner-direction-2016.txt"
SANDWELL = CORPUS_DEV / "sandwell-remains-inadequate-2018.txt"


def _stored_page(factory: pytest.TempPathFactory, embedder: Embedder, page: Path) -> Assistant:
    """A corpus-dev page as stored, alone in an index."""
    if not page.is_file():
        pytest.skip(f"corpus-dev page not found at {page} (../shared is absent)")
    return page_assistant(factory, embedder, page.name, page.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sunderland(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page whose heading line names the trust's chief executive."""
    assistant = _stored_page(tmp_path_factory, embedder, SUNDERLAND)
    yield assistant
    assistant.close()


@pytest.fixture(scope="module")
def kirklees(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page quoting the direction that says what the commissioner will do."""
    assistant = _stored_page(tmp_path_factory, embedder, KIRKLEES)
    yield assistant
    assistant.close()


def test_who_runs_a_body_is_who_holds_its_leading_office(sunderland: Assistant) -> None:
    answer = sunderland.ask("Who runs Together for Children in Sunderland?")
    assert answer.status == "answered", answer.answer
    assert "Jill Colbert" in answer.answer


@pytest.fixture(scope="module")
def sandwell(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page saying where the trust's chair came from."""
    assistant = _stored_page(tmp_path_factory, embedder, SANDWELL)
    yield assistant
    assistant.close()


def test_where_someone_worked_before_is_where_they_came_from(sandwell: Assistant) -> None:
    answer = sandwell.ask("Where did Jacqui Smith work before?")
    assert answer.status == "answered", answer.answer
    assert "came from Leicester City Council" in answer.answer


def test_what_someone_is_meant_to_do_is_what_they_will_do(kirklees: Assistant) -> None:
    assert analyse("What is the commissioner meant to do?").term_words == ("commissioner",)
    answer = kirklees.ask("What is Eleanor Brazil meant to do?")
    assert answer.status == "answered", answer.answer
    assert "necessary instructions" in answer.answer


HEADS = """Changing heads of Northtown's children's service

Jo Vey (Jan 2011 - April 2012)

Appointed interim director on a 12 month contract in 2011. She was reportedly paid £1,000 a
day. While Ms Vey led the department, Kit Dale was murdered by his mother.

Sam Roe (April 2012 - July 2013)

Started in April 2012 but left after just 15 months.
"""


@pytest.fixture(scope="module")
def heads(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """A page written for the test (Jo Vey, Sam Roe and Kit Dale are no real people)."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-heads.txt", HEADS)
    yield assistant
    assistant.close()


def test_who_followed_someone_is_not_told_by_a_sentence_about_them_alone(heads: Assistant) -> None:
    assert unmet("Who took over after Jo Vey?", "Jo Vey was paid £1,000 a day.", set())
    assert not unmet("Who took over after Jo Vey?", "Sam Roe took over from Jo Vey.", set())
    answer = heads.ask("Who took over after Jo Vey?")
    assert answer.status == "not_found" or "Sam Roe" in answer.answer, answer.answer

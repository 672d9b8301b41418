"""Who a "he" or "she" is, from the eleventh round's probes, on a page written for the test
(Northtown is no real council; Jill Bloggs, John Smith and Sam Roe are no real people): in a
record, the person named above a sentence that says only "she said"; in a conversation, the
person an answer gave rather than the one the question named."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.engine import Assistant
from index import Embedder

from .conftest import chat, page_assistant

PAGE = """Minister criticises Northtown review

Published 4 May 2021

A report into the death of four-year-old Sam Roe has been strongly criticised by the \
minister, Jill Bloggs.

She highlighted 7 "serious omissions" from the review carried out after his death.

In a letter to Prof John Smith, the independent chair of the Northtown Safeguarding Board, \
she said she had "deep concerns" over the review.
"""


@pytest.fixture(scope="module")
def northtown(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Assistant]:
    """The page ingested once for this module."""
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-minister-2021.txt", PAGE)
    yield assistant
    assistant.close()


def test_a_sentence_saying_she_shows_who_she_is(northtown: Assistant) -> None:
    answer = northtown.ask("Who wrote to the Northtown board chair about the Sam Roe review?")
    assert answer.status == "answered", answer.answer
    assert "Jill Bloggs" in answer.answer
    (context,) = [c.evidence.context for c in answer.citations if c.evidence.context]
    assert context.role == "named" and "Jill Bloggs" in context.quote


def test_a_person_asked_about_may_be_named_only_above_a_she(northtown: Assistant) -> None:
    answer = northtown.ask("How many omissions did the minister, Jill Bloggs, highlight?")
    assert answer.status == "answered", answer.answer
    assert "7" in answer.answer


def test_he_after_a_who_question_is_not_the_person_the_question_named() -> None:
    asked = chat(
        ("user", "Who criticised the review into Sam Roe's death?"),
        (
            "assistant",
            "A report into the death of four-year-old Sam Roe has been strongly criticised by"
            " the minister, Jill Bloggs. [1]",
        ),
        ("user", "How many omissions did she highlight?"),
    )
    assert "Jill Bloggs" in asked.question and "Sam Roe" not in asked.question


def test_her_is_not_whom_he_stood_for_when_called_by_title_and_surname() -> None:
    asked = chat(
        ("user", "Who was Northtown's cabinet member when the Jane Doe review came out?"),
        (
            "assistant",
            "Cllr John Roe was speaking as the review into Jane Doe's death was published. …"
            " Cllr Roe, Cabinet Member for Children, said the council was sorry. [1]",
        ),
        ("user", "What did he say her legacy would be?"),
    )
    assert "John Roe" in asked.question and "Jane Doe's legacy" in asked.question


def test_she_is_not_shown_as_a_man_named_above(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    page = (
        "Minister praises Northtown review\n\nThe minister, Mr John Smith, praised the"
        " review of Northtown's services.\n\nShe said the findings were clear and fair.\n"
    )
    assistant = page_assistant(tmp_path_factory, embedder, "northtown-praise.txt", page)
    try:
        answer = assistant.ask("Who said the Northtown findings were clear and fair?")
        shown = [c.evidence.context for c in answer.citations if c.evidence.context]
        assert not any(c.role == "named" and "John Smith" in c.quote for c in shown)
    finally:
        assistant.close()

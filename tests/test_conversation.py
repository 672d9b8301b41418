"""Follow-up resolution: earlier subjects carried into short, leaning questions; no model."""

from __future__ import annotations

import pytest

from assistant.conversation import Resolution, Turn, resolve
from assistant.errors import InvalidQuery


def ask(*texts: str) -> Resolution:
    """Resolve a conversation of user messages only."""
    return resolve([Turn("user", t) for t in texts])


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        (
            "What was the vacancy rate in April 2010?",
            "and in February 2010?",
            "What was the vacancy rate in February 2010?",
        ),
        (
            "When was the Improvement Notice issued?",
            "who issued it?",
            "Who issued the Improvement Notice?",
        ),
        ("Who chaired the Task Force?", "and when was that?", "When was the Task Force chaired?"),
        ("What did the scrutiny inquiry find?", "who led it?", "Who led the scrutiny inquiry?"),
        (
            "What was the sickness rate?",
            "what about the vacancy rate?",
            "What was the vacancy rate?",
        ),
        (
            "What was the vacancy rate in April 2010?",
            "what about in 2009",
            "What was the vacancy rate in 2009?",
        ),
        (
            "What was the vacancy rate in April 2010?",
            "how about 2009?",
            "What was the vacancy rate in 2009?",
        ),
        (
            "What was the vacancy rate between 2008 and 2009?",
            "and in 2010?",
            "What was the vacancy rate in 2010?",
        ),
        (
            "In April 2010, what was the vacancy rate?",
            "and in May 2010?",
            "What was the vacancy rate in May 2010?",
        ),
        (
            "What was the vacancy rate in April 2010?",
            "and the sickness rate?",
            "What was the sickness rate in April 2010?",
        ),
        (
            "How many children were referred in 2009?",
            "and in 2010?",
            "How many children were referred in 2010?",
        ),
        ("Who chaired the Task Force?", "when?", "When was the Task Force chaired?"),
        (
            "When was the Improvement Notice issued?",
            "why?",
            "Why was the Improvement Notice issued?",
        ),
        (
            "Who chaired the Task Force?",
            "when was he appointed?",
            "When was the person who chaired the Task Force appointed?",
        ),
        (
            "Who chaired the Task Force?",
            "what did it recommend then?",
            "What did the Task Force then recommend?",
        ),
        ("What happened in 2009?", "who led it?", "Who led it in 2009?"),
        ("What did the scrutiny inquiry find?", "and who led the inquiry?", "Who led the inquiry?"),
    ],
)
def test_follow_up_carries_the_previous_subject(
    previous: str, follow_up: str, expected: str
) -> None:
    result = ask(previous, follow_up)
    assert result == Resolution(expected, follow_up, True)


def test_when_was_that_asks_when_of_the_subject() -> None:
    question = ask("Who chaired the Task Force?", "and when was that?").question
    assert "Task Force" in question
    assert question.startswith("When")


@pytest.mark.parametrize(
    "follow_up",
    [
        "When was the Improvement Notice issued?",
        "What did that report say?",
        "vacancy rate",
        "Who chaired the Task Force and what did it find?",
    ],
)
def test_complete_questions_are_unchanged(follow_up: str) -> None:
    result = ask("What was the vacancy rate in April 2010?", follow_up)
    assert result == Resolution(follow_up, follow_up, False)


def test_a_single_message_is_unchanged_but_trimmed() -> None:
    result = ask("  who led it?  ")
    assert result == Resolution("who led it?", "  who led it?  ", False)


def test_follow_ups_chain_through_resolved_questions() -> None:
    result = ask(
        "What was the vacancy rate in April 2010?",
        "and in February 2010?",
        "and the sickness rate?",
    )
    assert result.question == "What was the sickness rate in February 2010?"


def test_assistant_and_system_turns_are_ignored() -> None:
    messages = [
        Turn("system", "You answer from the records only."),
        Turn("user", "When was the Improvement Notice issued?"),
        Turn("assistant", "It was issued in 2009. [1]"),
        Turn("user", "who issued it?"),
    ]
    assert resolve(messages).question == "Who issued the Improvement Notice?"


def test_a_previous_question_without_subject_or_date_is_not_carried() -> None:
    assert ask("Why?", "who led it?") == Resolution("who led it?", "who led it?", False)


@pytest.mark.parametrize(
    ("messages", "reason"),
    [
        ([], "no user message"),
        ([Turn("system", "Be brief.")], "no user message"),
        ([Turn("assistant", "Hello.")], "no user message"),
        ([Turn("user", "Who chaired the Task Force?"), Turn("user", "  \n")], "empty"),
        ([Turn("user", "")], "empty"),
    ],
)
def test_without_a_question_the_conversation_is_refused(messages: list[Turn], reason: str) -> None:
    with pytest.raises(InvalidQuery, match=reason):
        resolve(messages)


def test_turns_are_frozen() -> None:
    turn = Turn("user", "Who chaired the Task Force?")
    with pytest.raises(AttributeError):
        turn.content = "changed"  # type: ignore[misc]


def test_then_stands_for_the_previous_date_once() -> None:
    question = ask("What was the vacancy rate in April 2010?", "what did it show then?").question
    assert question == "What did the vacancy rate show in April 2010?"

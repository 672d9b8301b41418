"""The /mcp endpoint of a real `assistant serve`, driven by the MCP SDK's client over
streamable HTTP: the service's keys and roles, the same JSON, the same audit and receipts."""

from __future__ import annotations

import anyio
import httpx
import pytest
from mcp.shared.exceptions import MCPError

from .conftest import (
    EDIT_TOOLS,
    NOTICE_Q,
    READ_TOOLS,
    KeyedServer,
    Statuses,
    assert_one_clean_line,
    assert_verbatim,
    http_client,
    text_of,
)

pytestmark = pytest.mark.slow


def _refused(keyed_server: KeyedServer, key: str | None) -> Statuses:
    """Connect with `key`, expecting the service to refuse; the responses it gave."""
    statuses = Statuses()

    async def session() -> None:
        async with http_client(keyed_server.url, key, statuses) as client:
            await client.list_tools()

    with pytest.raises((MCPError, BaseExceptionGroup)) as caught:  # raised in a task group
        anyio.run(session)
    assert any(isinstance(e, MCPError) for e in _leaves(caught.value))
    return statuses


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def test_no_key_is_refused(keyed_server: KeyedServer) -> None:
    statuses = _refused(keyed_server, None)
    assert statuses.seen and statuses.seen[0][0] == 401
    assert "an API key is required" in statuses.seen[0][1]


def test_a_wrong_key_is_refused(keyed_server: KeyedServer) -> None:
    statuses = _refused(keyed_server, "rk_not-a-key")
    assert statuses.seen and statuses.seen[0][0] == 401
    assert "unknown or revoked API key" in statuses.seen[0][1]


def test_a_reader_asks_with_citations_audit_and_receipt(keyed_server: KeyedServer) -> None:
    """Structured content is the /v1/ask JSON; quotes verbatim; audited under the key's name."""
    reader = keyed_server.keys["reader"]

    async def session() -> tuple[set[str], dict, str, dict]:
        async with http_client(keyed_server.url, reader, mode="legacy") as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            asked = await client.call_tool("ask", {"question": NOTICE_Q})
            events = await client.call_tool("timeline", {"about": "vacancy rate"})
            assert not asked.is_error and not events.is_error
            return tools, asked.structured_content, text_of(asked), events.structured_content

    tools, answer, text, timeline = anyio.run(session)
    assert tools == READ_TOOLS  # the editing tools are not offered to a reader
    assert answer["status"] == "answered" and "[1]" in text and "Sources:" in text
    assert_verbatim(keyed_server.server.home, answer["citations"])

    over_http = httpx.post(
        f"{keyed_server.url}/v1/ask",
        json={"question": NOTICE_Q},
        headers={"Authorization": f"Bearer {reader}"},
        timeout=120,
    ).json()
    # The same JSON as POST /v1/ask (the engine's fields; HTTP's model may lag a new one).
    assert set(over_http) <= set(answer)
    for ours, theirs in zip(answer["citations"], over_http["citations"], strict=True):
        assert {k: ours[k] for k in theirs} == theirs

    receipt = httpx.get(
        f"{keyed_server.url}/v1/answers/{answer['answer_id']}",
        headers={"Authorization": f"Bearer {reader}"},
    ).json()
    assert receipt["endpoint"] == "mcp:ask" and receipt["answer"]["answer"] == answer["answer"]
    audit = httpx.get(
        f"{keyed_server.url}/v1/audit",
        headers={"Authorization": f"Bearer {keyed_server.keys['admin']}"},
    ).json()["entries"]
    row = next(e for e in audit if e["answer_id"] == answer["answer_id"])
    assert row["key_name"] == "mcp-reader" and row["endpoint"] == "mcp:ask"
    assert row["question"] == NOTICE_Q and row["time"]

    dates = [e["date"] for e in timeline["events"]]
    assert dates == ["2009-12", "2010-02", "2010-04"]  # ISO 8601, as everywhere in the JSON
    assert [e["label"] for e in timeline["events"]] == [
        "December 2009",
        "February 2010",
        "April 2010",
    ]
    same = httpx.get(
        f"{keyed_server.url}/v1/timeline",
        params={"about": "vacancy rate"},
        headers={"Authorization": f"Bearer {reader}"},
    ).json()
    assert same == timeline


def test_an_editor_only_tool_is_refused_to_a_reader(keyed_server: KeyedServer) -> None:
    """remove is refused to a reader (one line, audited); an editor may ingest and remove."""
    note = "---\ntitle: Panel note\nkind: other\ndate: 2011-02-14\n---\nThe panel met.\n"

    async def as_reader() -> str:
        async with http_client(keyed_server.url, keyed_server.keys["reader"]) as client:
            refused = await client.call_tool("remove", {"id": "001_531fd4b695795cd4"})
            assert refused.is_error
            return text_of(refused)

    async def as_editor() -> tuple[set[str], dict, dict]:
        async with http_client(keyed_server.url, keyed_server.keys["editor"]) as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            added = await client.call_tool("ingest", {"name": "panel.md", "text": note})
            removed = await client.call_tool("remove", {"id": "panel"})
            return tools, added.structured_content, removed.structured_content

    message = anyio.run(as_reader)
    assert "needs a key with the editor role" in message
    assert_one_clean_line(message)
    document = httpx.get(
        f"{keyed_server.url}/v1/documents/001_531fd4b695795cd4",
        headers={"Authorization": f"Bearer {keyed_server.keys['reader']}"},
    )
    assert document.status_code == 200  # still there

    tools, added, removed = anyio.run(as_editor)
    assert tools == READ_TOOLS | EDIT_TOOLS
    assert added["added"] == ["panel"] and not added["failed"]
    assert removed == {"removed": "panel"}

"""`assistant mcp` over stdio, driven by the MCP SDK's own client as an MCP client would."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest
from mcp import Client
from mcp_types import TextResourceContents

from assistant.access import AnswerArchive, AuditLog

from .conftest import (
    CLAIM,
    EDIT_TOOLS,
    NOTICE_Q,
    READ_TOOLS,
    STATEMENT_ID,
    assert_one_clean_line,
    assert_verbatim,
    stdio_params,
    text_of,
)

pytestmark = pytest.mark.slow


def test_initialize_list_and_read_without_the_model(mcp_home: Path) -> None:
    """Read-only by default; documents as resources; a span opens by its offsets; errors."""

    async def session() -> None:
        async with Client(stdio_params(mcp_home), mode="legacy") as client:  # initialize
            assert client.server_info is not None
            assert client.server_info.name == "records-assistant"
            tools = {t.name for t in (await client.list_tools()).tools}
            assert tools == READ_TOOLS  # no ingest or remove without --allow-edits

            listed = await client.call_tool("list_documents", {})
            assert not listed.is_error
            ids = [d["id"] for d in listed.structured_content["documents"]]
            assert STATEMENT_ID in ids and listed.structured_content["total"] == 2

            whole = await client.call_tool("read_document", {"id": STATEMENT_ID})
            text = whole.structured_content["text"]
            span = await client.call_tool(
                "read_document", {"id": STATEMENT_ID, "start": 875, "end": 989}
            )
            assert span.structured_content["text"] == text[875:989]

            resources = (await client.list_resources()).resources
            uris = {str(r.uri) for r in resources}
            assert f"records://documents/{STATEMENT_ID}" in uris
            read = await client.read_resource(
                f"records://documents/{STATEMENT_ID}?start=875&end=989"
            )
            content = read.contents[0]
            assert isinstance(content, TextResourceContents)
            assert content.text == text[875:989]  # the citation's span, by its offsets

            missing = await client.call_tool("read_document", {"id": "no-such-document"})
            assert missing.is_error
            assert "no document with id 'no-such-document'" in text_of(missing)
            assert_one_clean_line(text_of(missing))

            bad = await client.call_tool("ask", {})
            assert bad.is_error and "invalid argument question" in text_of(bad)
            assert_one_clean_line(text_of(bad))

            refused = await client.call_tool("remove", {"id": STATEMENT_ID})
            assert refused.is_error
            assert_one_clean_line(text_of(refused))

    anyio.run(session)


def test_ask_and_check_are_cited_verbatim_audited_and_kept(mcp_home: Path) -> None:
    """The ask and check JSON of the HTTP API, quotes verbatim, one audit row and receipt each."""

    async def session() -> tuple[dict, dict, str]:
        async with Client(stdio_params(mcp_home)) as client:
            asked = await client.call_tool("ask", {"question": NOTICE_Q})
            checked = await client.call_tool("check", {"claim": CLAIM})
            assert not asked.is_error and not checked.is_error
            return asked.structured_content, checked.structured_content, text_of(asked)

    answer, verdict, text = anyio.run(session)
    assert answer["status"] == "answered" and "February 2009" in answer["answer"]
    assert {"question", "answer", "citations", "related", "reason", "searched"} <= set(answer)
    assert_verbatim(mcp_home, answer["citations"])
    assert "[1]" in text and "Sources:" in text
    assert f"records://documents/{STATEMENT_ID}?start=" in text
    assert answer["citations"][0]["quote"] in text

    assert verdict["verdict"] == "contradicted"
    assert_verbatim(mcp_home, verdict["citations"])

    archive = AnswerArchive(mcp_home)
    kept = archive.get(answer["answer_id"])
    assert kept.payload == {k: v for k, v in answer.items() if k != "answer_id"}
    assert kept.endpoint == "mcp:ask" and kept.generation == answer["generation"]
    assert archive.get(verdict["answer_id"]).endpoint == "mcp:check"
    rows = {row.endpoint: row for row in AuditLog(mcp_home).list()}
    assert rows["mcp:ask"].question == NOTICE_Q
    assert rows["mcp:ask"].answer_id == answer["answer_id"]
    assert rows["mcp:ask"].key_name and rows["mcp:ask"].key_name.startswith("stdio:")
    assert rows["mcp:check"].status == "contradicted"


def test_allow_edits_offers_ingest_and_remove(mcp_home: Path, tmp_path: Path) -> None:
    """With --allow-edits a new record can be ingested, found, and removed again."""
    note = (
        "---\ntitle: Panel note\nkind: action_plan_note\ndate: 2011-02-14\n---\n"
        "The improvement panel met in Lifford House on 14 February 2011.\n"
    )

    async def session() -> None:
        async with Client(stdio_params(mcp_home, "--allow-edits")) as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            assert tools == READ_TOOLS | EDIT_TOOLS
            added = await client.call_tool("ingest", {"name": "panel-note.md", "text": note})
            assert not added.is_error, text_of(added)
            assert added.structured_content["added"] == ["panel-note"]
            wrong = await client.call_tool("ingest", {"name": "x.exe", "text": "hello"})
            assert wrong.is_error and "not accepted" in text_of(wrong)
            removed = await client.call_tool("remove", {"id": "panel-note"})
            assert removed.structured_content == {"removed": "panel-note"}
            listed = await client.call_tool("list_documents", {})
            assert listed.structured_content["total"] == 2

    anyio.run(session)

"""What every tool shares: the records and the caller of this call, and the result shape
(structured JSON as over HTTP, readable text, a link to each cited span)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, ContentBlock, ResourceLink, TextContent, ToolAnnotations
from pydantic import Field

from assistant.mcp.auth import caller_from
from assistant.mcp.records import Caller, Records
from assistant.mcp.rendering import document_uri

Kind = Literal["press_release", "scr_recommendation", "action_plan_note", "other"]
KindArg = Annotated[Kind | None, Field(description="Only this kind of record.")]
SinceArg = Annotated[
    str | None,
    Field(
        description="Only records dated on or after (2010-01, 2010-03-12, 12/03/2010).",
        max_length=40,
    ),
]
UntilArg = Annotated[
    str | None, Field(description="Only records dated on or before.", max_length=40)
]
READ_ONLY = ToolAnnotations(read_only_hint=True, open_world_hint=False)
EDITS = ToolAnnotations(read_only_hint=False, destructive_hint=True, open_world_hint=False)


class Toolbox:
    """The records of this process and how to tell who calls (gate over HTTP, fixed on stdio)."""

    def __init__(self, records: Callable[[], Records], fallback: Caller | None) -> None:
        self.records = records
        self.fallback = fallback

    def open(self, ctx: Context) -> tuple[Records, Caller]:
        """The records and the caller of this call; a call nobody admitted is refused."""
        caller = caller_from(ctx.request_context.request, self.fallback)
        if caller is None:
            raise ToolError("this call carries no credentials")
        return self.records(), caller


def result(
    payload: dict[str, object], text: str, spans: Iterable[Mapping[str, Any]] = ()
) -> CallToolResult:
    """Structured content (the HTTP JSON), the readable text, a resource link per cited span."""
    content: list[ContentBlock] = [TextContent(type="text", text=text)]
    for span in spans:
        doc = span["document"]
        label = f"[{span['id']}] " if "id" in span else ""
        content.append(
            ResourceLink(
                type="resource_link",
                name=f"{label}{doc['title']}",
                uri=document_uri(doc["id"], span.get("start"), span.get("end")),
                mime_type="text/plain",
            )
        )
    return CallToolResult(content=content, structured_content=payload)

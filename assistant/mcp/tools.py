"""The read-only tools: ask, search, check, timeline, recommendations, list_documents and
read_document. Each returns the JSON of the matching HTTP endpoint as structured content and
a readable text with [n] markers and a source list; each call is audited."""

from __future__ import annotations

from typing import Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult
from pydantic import Field

from assistant.engine import make_filters
from assistant.factcheck import FactChecker
from assistant.mcp import rendering
from assistant.mcp.calls import Outcome, run_tool
from assistant.mcp.records import Records
from assistant.mcp.toolbox import (
    READ_ONLY,
    KindArg,
    SinceArg,
    Toolbox,
    UntilArg,
    result,
)

Question = Annotated[str, Field(min_length=1, description="A question about the records.")]
Query = Annotated[str, Field(min_length=1, description="Words to look for.")]
TopK = Annotated[int, Field(ge=1, le=100, description="How many passages (1-100).")]
Claim = Annotated[str | None, Field(min_length=1, description="One claim to check.")]
Draft = Annotated[
    str | None, Field(min_length=1, description="A draft statement: every sentence is checked.")
]
About = Annotated[
    str | None, Field(max_length=200, description="Only events whose sentence holds these words.")
]
Status = Annotated[
    str | None,
    Field(max_length=40, description="implemented, in_progress, not_started, superseded or open."),
]
DocId = Annotated[str, Field(min_length=1, description="A document id (see list_documents).")]
Offset = Annotated[int | None, Field(ge=0, description="Character offset in the stored text.")]
Page = Annotated[int, Field(ge=1, le=100_000, description="Which page of the list.")]
PerPage = Annotated[int | None, Field(ge=1, le=100, description="Documents per page.")]


def register_read_tools(server: MCPServer, box: Toolbox) -> None:
    """Add the tools every reader may call."""

    @server.tool(annotations=READ_ONLY)
    def ask(
        ctx: Context,
        question: Question,
        kind: KindArg = None,
        since: SinceArg = None,
        until: UntilArg = None,
    ) -> CallToolResult:
        """Answer from the records: every sentence a verbatim, cited quote; or status
        not_found with the reason and related reading. Each answer is kept as a receipt."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            assistant = records.current()
            _check_length(records, question)
            filters = make_filters(kind, since, until, records.settings.day_first)
            answer = assistant.ask(question, filters)
            payload = {**answer.as_dict(), "generation": assistant.store.generation}
            cited = sorted({c.evidence.document.id for c in answer.citations})
            return Outcome(payload, answer.status, cited, receipt=True)

        payload = run_tool(records, caller, "ask", question, produce)
        return result(payload, rendering.answer_text(payload), _list(payload, "citations"))

    @server.tool(annotations=READ_ONLY)
    def search(
        ctx: Context,
        query: Query,
        top_k: TopK = 10,
        kind: KindArg = None,
        since: SinceArg = None,
        until: UntilArg = None,
    ) -> CallToolResult:
        """Ranked passages (keyword and semantic search fused), each with its document and
        offsets; reading, not an answer."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            _check_length(records, query)
            if top_k > records.settings.max_page_size:
                raise ToolError(f"top_k is at most {records.settings.max_page_size}")
            filters = make_filters(kind, since, until, records.settings.day_first)
            hits = records.current().search(query, top_k, filters)
            return Outcome({"query": query, "hits": [h.as_dict() for h in hits]})

        payload = run_tool(records, caller, "search", query, produce)
        return result(payload, rendering.search_text(payload))

    @server.tool(annotations=READ_ONLY)
    def check(ctx: Context, claim: Claim = None, text: Draft = None) -> CallToolResult:
        """Fact-check one claim, or every sentence of a draft (give one of the two):
        supported, contradicted or not_found, with verbatim citations. Kept as a receipt."""
        records, caller = box.open(ctx)
        if (claim is None) == (text is None):
            raise ToolError("give exactly one of 'claim' or 'text'")

        def produce() -> Outcome:
            checker = FactChecker.of(records.current())
            if claim is not None:
                _check_length(records, claim)
                checked = checker.check(claim)
                payload = {**checked.as_dict(), "generation": checker.store.generation}
                return Outcome(payload, checked.verdict, checked.cited_documents, receipt=True)
            draft = checker.check_draft(text or "")
            tally = ", ".join(f"{n} {verdict}" for verdict, n in draft.summary.items())
            return Outcome(draft.as_dict(), f"draft ({tally})", draft.cited_documents, True)

        payload = run_tool(records, caller, "check", claim or text, produce)
        spans = [c for claim_json in _claims(payload) for c in _list(claim_json, "citations")]
        return result(payload, rendering.check_text(payload), spans)

    @server.tool(annotations=READ_ONLY)
    def timeline(
        ctx: Context,
        since: SinceArg = None,
        until: UntilArg = None,
        kind: KindArg = None,
        about: About = None,
    ) -> CallToolResult:
        """Dated events in order, each a verbatim sentence with every document reporting it;
        `date` is ISO 8601 and `label` the date as written for people."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            filters = make_filters(kind, since, until, records.settings.day_first)
            events = records.current().timeline(filters, about)
            return Outcome({"events": [e.as_dict() for e in events], "count": len(events)})

        payload = run_tool(records, caller, "timeline", about, produce)
        return result(payload, rendering.timeline_text(payload))

    @server.tool(annotations=READ_ONLY)
    def recommendations(ctx: Context, status: Status = None) -> CallToolResult:
        """The register rows (SCR recommendations, action-plan items) with status, dates and
        history; `status` may be `open` (in progress or not started)."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            rows = records.current().recommendations(status)
            return Outcome({"recommendations": [r.as_dict() for r in rows], "count": len(rows)})

        payload = run_tool(records, caller, "recommendations", status, produce)
        return result(payload, rendering.recommendations_text(payload))

    @server.tool(annotations=READ_ONLY)
    def list_documents(
        ctx: Context,
        kind: KindArg = None,
        since: SinceArg = None,
        until: UntilArg = None,
        page: Page = 1,
        per_page: PerPage = None,
    ) -> CallToolResult:
        """The documents in the index by date (id, title, kind, date, source), a page at a
        time; each can be read with read_document or as a resource."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            size = min(per_page or records.settings.max_page_size, records.settings.max_page_size)
            filters = make_filters(kind, since, until, records.settings.day_first)
            documents = records.current().documents(filters)
            window = documents[(page - 1) * size : page * size]
            payload = {
                "documents": [{**d.as_dict(), "chunks": d.chunks} for d in window],
                "page": page,
                "per_page": size,
                "total": len(documents),
            }
            return Outcome(payload)

        payload = run_tool(records, caller, "list_documents", None, produce)
        return result(payload, rendering.documents_text(payload))

    @server.tool(annotations=READ_ONLY)
    def read_document(
        ctx: Context, id: DocId, start: Offset = None, end: Offset = None
    ) -> CallToolResult:
        """A document's metadata and its stored text (citation offsets point into it), or
        only the span [start, end)."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            return Outcome(read_span(records, id, start, end))

        payload = run_tool(records, caller, "read_document", id, produce)
        return result(payload, rendering.document_text(payload))


def read_span(
    records: Records, doc_id: str, start: int | None, end: int | None
) -> dict[str, object]:
    """The HTTP document JSON, its text cut to [start, end) when asked, with the offsets."""
    store = records.current().store
    record = store.get(doc_id)
    text = store.text(doc_id)
    first = 0 if start is None else start
    last = len(text) if end is None else end
    if not 0 <= first <= last <= len(text):
        raise ToolError(f"the span must lie within 0-{len(text)} with start <= end")
    return {
        "document": {**record.as_dict(), "chunks": record.chunks},
        "text": text[first:last],
        "start": first,
        "end": last,
    }


def _check_length(records: Records, text: str) -> None:
    if len(text) > records.settings.max_question_chars:
        raise ToolError(f"longer than {records.settings.max_question_chars} characters")


def _list(payload: dict[str, object], key: str) -> list[dict[str, object]]:
    value = payload.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _claims(payload: dict[str, object]) -> list[dict[str, object]]:
    return _list(payload, "claims") if "claims" in payload else [payload]

"""Documents as resources: each document's cleaned text at records://documents/{id}, and any
cited span of it at the same URI with ?start=&end= (the citation's offsets)."""

from __future__ import annotations

from mcp.server.mcpserver import MCPServer, ResourceSecurity
from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError
from mcp_types import Resource

from assistant.mcp.calls import INDEX_DOWN, log, one_line
from assistant.mcp.records import Records
from assistant.mcp.rendering import DOCUMENT_URI, document_uri
from assistant.mcp.toolbox import Toolbox
from index import DocumentNotFound, IndexLayerError, StoreError

MIME = "text/plain"


def register_resources(server: MCPServer, box: Toolbox) -> None:
    """Add the document template; the list of documents is built per request (see server)."""

    @server.resource(
        DOCUMENT_URI,
        name="document",
        title="A record's stored text",
        description="The cleaned text of a document (quote offsets point into it); with"
        " ?start=&end= only that span, as a citation gives it.",
        mime_type=MIME,
        security=ResourceSecurity(exempt_params={"doc_id"}),  # an id, not a path
    )
    def document(doc_id: str, start: int | None = None, end: int | None = None) -> str:
        return read_text(box.records(), doc_id, start, end)


def read_text(records: Records, doc_id: str, start: int | None, end: int | None) -> str:
    """The stored text or a span of it; a missing document or a bad span in one line."""
    try:
        text = records.current().store.text(doc_id)
    except DocumentNotFound as exc:
        raise ResourceNotFoundError(one_line(str(exc))) from None
    except StoreError as exc:
        log.error("index unavailable: %s", exc)
        raise ResourceError(INDEX_DOWN) from None
    except IndexLayerError as exc:
        raise ResourceError(one_line(str(exc))) from None
    first = 0 if start is None else start
    last = len(text) if end is None else end
    if not 0 <= first <= last <= len(text):
        raise ResourceError(f"the span must lie within 0-{len(text)} with start <= end")
    return text[first:last]


def document_resources(records: Records) -> list[Resource]:
    """One resource per document in the index, by date."""
    return [
        Resource(
            uri=document_uri(d.id),
            name=d.id,
            title=d.title,
            description=f"{d.kind}, {d.date or 'undated'}",
            mime_type=MIME,
        )
        for d in records.current().documents()
    ]

"""The editing tools, ingest and remove: for an editor or admin key over HTTP, and over
stdio only with --allow-edits. A file arrives as its content (text, or base64 for PDF and
DOCX), never as a path on the server, and is kept under the home by name as uploads are."""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from typing import Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult
from pydantic import Field

from assistant.mcp.auth import may_edit
from assistant.mcp.calls import Outcome, run_tool
from assistant.mcp.records import Caller, Records
from assistant.mcp.toolbox import EDITS, Toolbox, result

EDIT_TOOLS = frozenset({"ingest", "remove"})
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

FileName = Annotated[
    str,
    Field(min_length=1, max_length=200, description="File name with its type: notes.md, r.csv"),
]
Text = Annotated[str | None, Field(description="The file's text (txt, md, html, csv, jsonl).")]
Base64 = Annotated[str | None, Field(description="The file's bytes in base64 (pdf, docx).")]
DocId = Annotated[str, Field(min_length=1, description="The id of the document to remove.")]


def register_edit_tools(server: MCPServer, box: Toolbox) -> None:
    """Add ingest and remove (the server lists them only to callers who may edit)."""

    @server.tool(annotations=EDITS)
    def ingest(
        ctx: Context, name: FileName, text: Text = None, content_base64: Base64 = None
    ) -> CallToolResult:
        """Add or update one record file (editors only); same loaders and errors as the CLI.
        A file of the same name replaces the earlier one's document."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            _require_editor(caller, "ingest")
            path = save_upload(records, name, _content(text, content_base64))
            with records.write_lock:
                report = records.writer.ingest([path])
            payload = report.as_dict()
            payload["failed"] = [{"source": name, "reason": f.reason} for f in report.failures]
            status = "failed" if report.failures else "ok"
            return Outcome(payload, status, [*report.added, *report.updated])

        payload = run_tool(records, caller, "ingest", name, produce)
        return result(payload, _ingest_text(payload))

    @server.tool(annotations=EDITS)
    def remove(ctx: Context, id: DocId) -> CallToolResult:
        """Remove a document, its passages and vectors (editors only)."""
        records, caller = box.open(ctx)

        def produce() -> Outcome:
            _require_editor(caller, "remove")
            with records.write_lock:
                records.writer.remove(id)
            return Outcome({"removed": id}, "ok", [id])

        payload = run_tool(records, caller, "remove", id, produce)
        return result(payload, f"Removed {id}.")


def save_upload(records: Records, name: str, data: bytes) -> Path:
    """Check type and size, then keep the file under the home's uploads/ by its name."""
    settings = records.settings
    plain = Path(name).name
    suffix = Path(plain).suffix.lower()
    if suffix not in settings.upload_types:
        raise ToolError(f"{plain}: files of type '{suffix}' are not accepted")
    if len(data) > settings.max_upload_mb * 1_000_000:
        raise ToolError(f"{plain}: larger than {settings.max_upload_mb} MB")
    folder = Path(settings.home) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (_SAFE_NAME.sub("-", plain).lstrip(".") or "upload")
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def _content(text: str | None, encoded: str | None) -> bytes:
    if (text is None) == (encoded is None):
        raise ToolError("give exactly one of 'text' or 'content_base64'")
    if text is not None:
        return text.encode("utf-8")
    try:
        return base64.b64decode(encoded or "", validate=True)
    except (binascii.Error, ValueError):
        raise ToolError("content_base64 is not valid base64") from None


def _require_editor(caller: Caller, tool: str) -> None:
    if not may_edit(caller):
        raise ToolError(f"{tool} needs a key with the editor role")


def _ingest_text(payload: dict[str, object]) -> str:
    """The CLI's summary line, then the documents touched and any failure."""
    lists = {k: v for k, v in payload.items() if isinstance(v, list)}
    lines = [", ".join(f"{len(v)} {k}" for k, v in lists.items())]
    lines += [f"{k}: {', '.join(map(str, v))}" for k, v in lists.items() if v and k != "failed"]
    lines += [f"failed: {f['source']}: {f['reason']}" for f in lists.get("failed", [])]
    return "\n".join(lines)

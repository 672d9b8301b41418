"""The records as MCP tools and resources, with the same citations, keys and audit as the
HTTP API: over stdio (`assistant mcp`) and at /mcp of the running service. No FastAPI here;
the service mounts `http_endpoint`."""

from __future__ import annotations

from assistant.mcp.records import Caller, LocalRecords, Records
from assistant.mcp.server import ServiceRecords, build_server, http_endpoint, run_stdio

__all__ = [
    "Caller",
    "LocalRecords",
    "Records",
    "ServiceRecords",
    "build_server",
    "http_endpoint",
    "run_stdio",
]

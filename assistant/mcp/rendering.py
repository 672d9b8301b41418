"""Readable text for MCP clients, built from the same JSON the HTTP API returns: the
answer with its [n] markers, then a source list whose every entry can be opened as a
resource (the document, or the quoted span by its offsets)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from mcp.shared.uri_template import UriTemplate

from index import format_date

DOCUMENT_URI = "records://documents/{doc_id}{?start,end}"
_TEMPLATE = UriTemplate.parse(DOCUMENT_URI)
_VERDICT = {"supported": "SUPPORTED", "contradicted": "CONTRADICTED", "not_found": "NOT FOUND"}
Json = Mapping[str, Any]


def document_uri(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """The resource URI of a document, or of a span of its stored text."""
    values = {"doc_id": doc_id}
    if start is not None:
        values["start"] = str(start)
    if end is not None:
        values["end"] = str(end)
    return _TEMPLATE.expand(values)


def answer_text(payload: Json) -> str:
    """An answer and its sources; a not_found answer with its reason and related reading."""
    lines = [str(payload.get("answer", ""))]
    if payload.get("status") == "answered":
        lines += ["", "Sources:", *sources(payload.get("citations", []))]
    else:
        reason = payload.get("reason")
        if reason and str(reason) not in lines[0]:
            lines += ["", f"Reason: {reason}"]
        related = payload.get("related", [])
        if related:
            lines += ["", "Related passages (reading, not an answer):"]
            lines += [f"- {_cite(r['document'])} {_uri(r)}" for r in related]
    return _with_receipt(lines, payload)


def check_text(payload: Json) -> str:
    """One claim's verdict and explanation with sources, or every claim of a draft."""
    if "claims" in payload:
        tally = ", ".join(f"{n} {verdict}" for verdict, n in payload.get("summary", {}).items())
        lines = [f"Checked {len(payload['claims'])} claim(s): {tally}."]
        for claim in payload["claims"]:
            lines += ["", *_claim_lines(claim)]
        return _with_receipt(lines, payload)
    return _with_receipt(_claim_lines(payload), payload)


def search_text(payload: Json) -> str:
    """Ranked passages: score, document, a short excerpt and where to read it."""
    hits = payload.get("hits", [])
    if not hits:
        return f"No passages matched {payload.get('query')!r}."
    lines = []
    for rank, hit in enumerate(hits, start=1):
        excerpt = textwrap.shorten(" ".join(str(hit["text"]).split()), width=300)
        lines += [f"{rank}. {hit['score']:.3f} {_cite(hit['document'])}", f"   {excerpt}"]
        lines.append(f"   {_uri(hit)}")
    return "\n".join(lines)


def timeline_text(payload: Json) -> str:
    """Each event: its date label, the statement verbatim, then the documents reporting it."""
    events = payload.get("events", [])
    if not events:
        return "No dated events match."
    lines = []
    for event in events:
        lines += [f"{event['label']} ({event['date']})", f"  “{event['statement']}”"]
        lines += [f"  {line}" for line in sources(event["citations"], quotes=False)]
    return "\n".join(lines)


def recommendations_text(payload: Json) -> str:
    """Register rows: ref, status, due and completed dates, what each asks."""
    rows = payload.get("recommendations", [])
    if not rows:
        return "No register rows match."
    lines = []
    for row in rows:
        dates = ", ".join(f"{name} {row[name]}" for name in ("due", "completed") if row.get(name))
        lines.append(f"{row['ref']} [{row['status']}]{f' ({dates})' if dates else ''}")
        lines.append(f"  {row['text']}")
        lines.append(f"  {_cite(row['document'])} row {row['row']}")
    return "\n".join(lines)


def documents_text(payload: Json) -> str:
    """A line per document: title, kind, date, id and its resource URI."""
    documents = payload.get("documents", [])
    if not documents:
        return "The index holds no documents that match."
    lines = [f"{payload.get('total', len(documents))} document(s):"]
    lines += [f"- {_cite(d)} {document_uri(d['id'])}" for d in documents]
    return "\n".join(lines)


def document_text(payload: Json) -> str:
    """The document's (or the span's) stored text under a line saying what it is."""
    doc = payload["document"]
    span = f"chars {payload['start']}-{payload['end']}"
    return f"{_cite(doc)} {span}\n\n{payload['text']}"


def sources(citations: list[Json], *, quotes: bool = True) -> list[str]:
    """Numbered sources: title, kind and date, the verbatim quote, the span's resource URI."""
    lines = []
    for c in citations:
        page = f", page {c['page']}" if c.get("page") else ""
        lines.append(f"[{c['id']}] {_cite(c['document'])}{page}")
        if quotes:
            lines.append(f"    “{c['quote']}”")
        lines.append(f"    {_uri(c)}")
    return lines


def _claim_lines(claim: Json) -> list[str]:
    verdict = _VERDICT.get(str(claim.get("verdict")), str(claim.get("verdict")).upper())
    lines = [f"{verdict}: {claim['claim']}", str(claim.get("explanation", ""))]
    if claim.get("citations"):
        lines += ["Sources:", *sources(claim["citations"])]
    return lines


def _cite(document: Json) -> str:
    when = format_date(document["date"]) if document.get("date") else "undated"
    return f"{document['title']} ({document['kind']}, {when}) [{document['id']}]"


def _uri(span: Json) -> str:
    return document_uri(span["document"]["id"], span.get("start"), span.get("end"))


def _with_receipt(lines: list[str], payload: Json) -> str:
    if payload.get("answer_id"):
        lines += ["", f"Receipt: {payload['answer_id']} (index generation {payload['generation']})"]
    return "\n".join(lines)

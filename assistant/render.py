"""Plain-text renderings of answers, hits and documents for the terminal."""

from __future__ import annotations

import textwrap

from assistant.answer.models import Answer
from assistant.timeline import TimelineEvent
from index import DocumentRecord, SearchHit, format_date


def _when(date: str | None) -> str:
    return format_date(date) if date else "undated"


def answer_text(answer: Answer) -> str:
    """The answer, then each citation with its quote and where it is."""
    lines = [textwrap.fill(answer.answer, width=100), ""]
    if answer.status == "answered":
        lines.append("Sources:")
        for c in answer.citations:
            e = c.evidence
            d = e.document
            page = f", page {e.page}" if e.page else ""
            lines.append(f"[{c.id}] {d.title} ({d.kind}, {_when(d.date)})")
            lines.append(textwrap.indent(textwrap.fill(f"“{e.quote}”", width=96), "    "))
            lines.append(f"    {d.source} chars {e.start}-{e.end}{page}")
    else:
        searched = answer.searched
        lines.append(
            f"Searched {searched.get('documents')} documents ({searched.get('passages')} passages)"
            f" for: {answer.question}"
        )
        for r in answer.related:
            lines.append(
                f"  related: {r.document.title} ({_when(r.document.date)}) — {r.document.id}"
            )
    return "\n".join(lines)


def hits_text(hits: list[SearchHit]) -> str:
    """Ranked passages with score, document and a short excerpt."""
    if not hits:
        return "No passages matched."
    lines = []
    for rank, hit in enumerate(hits, start=1):
        d = hit.document
        lines.append(f"{rank:>2}. {hit.score:.3f}  {d.title} ({d.kind}, {_when(d.date)}) [{d.id}]")
        excerpt = " ".join(hit.text.split())
        lines.append(textwrap.indent(textwrap.shorten(excerpt, width=300), "      "))
    return "\n".join(lines)


def documents_text(documents: list[DocumentRecord]) -> str:
    """A table of documents."""
    if not documents:
        return "The index holds no documents."
    rows = [("ID", "TITLE", "KIND", "DATE", "CHUNKS")]
    rows += [
        (d.id, textwrap.shorten(d.title, 48), d.kind, d.date or "-", str(d.chunks))
        for d in documents
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def timeline_text(events: list[TimelineEvent]) -> str:
    """One block per event: the period, the statement, then where it is reported."""
    if not events:
        return "No dated events match."
    lines = []
    for event in events:
        lines.append(f"{event.label}")
        lines.append(textwrap.indent(textwrap.fill(f"“{event.statement}”", width=96), "    "))
        for number, report in enumerate(event.reports, start=1):
            d = report.document
            lines.append(f"    [{number}] {d.title} ({d.kind}, {_when(d.date)}) [{d.id}]")
    return "\n".join(lines)

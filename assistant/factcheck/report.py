"""The fact-check pack: a Markdown report of a draft's claims the press office can file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from index import format_date

if TYPE_CHECKING:
    from assistant.factcheck.models import ClaimCheck, DraftCheck

_LABEL = {"supported": "Supported", "contradicted": "Contradicted", "not_found": "Not found"}


def render_report(draft: DraftCheck) -> str:
    """Each claim with its verdict, explanation, quotes and sources; the index and the date."""
    tally = ", ".join(f"{n} {_LABEL[v].lower()}" for v, n in draft.summary.items())
    lines = [
        "# Fact-check pack",
        "",
        f"- Checked: {draft.checked_at} (UTC)",
        f"- Index generation: {draft.generation}"
        f" ({draft.documents} documents, {draft.passages} passages)",
        f"- Claims: {len(draft.checks)} ({tally})",
        "",
        "| # | Verdict | Claim |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| {n} | {_LABEL[c.verdict]} | {_cell(c.claim)} |"
        for n, c in enumerate(draft.checks, start=1)
    ]
    for number, check in enumerate(draft.checks, start=1):
        lines += ["", *_claim_section(number, check)]
    return "\n".join(lines) + "\n"


def _claim_section(number: int, check: ClaimCheck) -> list[str]:
    lines = [
        f"## {number}. {_LABEL[check.verdict]}",
        "",
        f"> {check.claim}",
        "",
        f"**Verdict:** {check.verdict}",
        "",
        f"**Explanation:** {check.explanation}",
    ]
    if not check.citations:
        return lines
    lines += ["", "**Sources:**", ""]
    for citation in check.citations:
        e = citation.evidence
        d = e.document
        when = format_date(d.date) if d.date else "undated"
        page = f", page {e.page}" if e.page else ""
        lines.append(
            f"{citation.id}. *{d.title}* ({d.kind}, {when}), document `{d.id}`,"
            f" characters {e.start}–{e.end}{page}"
        )
        if d.attribution:
            lines.append(f"   Attribution: {d.attribution}")
        lines.append(f"   Source: `{d.source}`")
        lines.append(f"   > {' '.join(e.quote.split())}")
    return lines


def _cell(text: str) -> str:
    """A claim as a table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")

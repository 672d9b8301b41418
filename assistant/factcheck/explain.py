"""The explanation of a verdict, built from the evidence itself: quoted, dated and cited.

Nothing here states a fact of its own. Each sentence about the records ends with the
marker of the quote it rests on; a not_found says so plainly and names what was searched.
"""

from __future__ import annotations

from assistant.factcheck.claim import Claim
from assistant.factcheck.evidence import Unit
from assistant.factcheck.rules import Decision
from index import format_date

_KIND_LABEL = {
    "press_release": "the press release",
    "scr_recommendation": "the Serious Case Review record",
    "action_plan_note": "the action-plan note",
    "other": "the record",
}


def explain(
    claim: Claim, decision: Decision, searched: dict[str, object]
) -> tuple[str, list[Unit]]:
    """The explanation text and the units its markers [1], [2] … cite, in order."""
    if decision.verdict == "supported":
        first = decision.units[0]
        lines = [f"The records support this: {source(first)} says {_quoted(first)} [1]"]
        lines += [
            f"{_capital(source(u))} also says {_quoted(u)} [{n}]"
            for n, u in enumerate(decision.units[1:], start=2)
        ]
        return " ".join(lines), list(decision.units)
    if decision.verdict == "contradicted":
        unit = decision.units[0]
        lines = [
            f"{_capital(decision.note)} [1].",
            f"{_capital(source(unit))} says {_quoted(unit)} [1]",
        ]
        return " ".join(lines), [unit]
    lines = [f"The records do not mention this: {decision.note}."]
    lines.append(
        f"Searched {searched['documents']} documents ({searched['passages']} passages,"
        f" {searched['passages_read']} read) for “{claim.text.rstrip('.')}”."
    )
    if decision.nearest is None:
        return " ".join(lines), []
    lines.append(
        f"The nearest passage, which does not confirm it, is in {source(decision.nearest)}:"
        f" {_quoted(decision.nearest)} [1]"
    )
    return " ".join(lines), [decision.nearest]


def source(unit: Unit) -> str:
    """Where a quote comes from, with its document's date: the press release “…” of 27 July 2010."""
    document = unit.document
    label = _KIND_LABEL.get(document.kind, "the record")
    when = f" of {format_date(document.date)}" if document.date else " (undated)"
    return f"{label} “{document.title}”{when}"


def _quoted(unit: Unit) -> str:
    """The quote on one line (stored offsets are unaffected: the citation keeps the span)."""
    return "“" + " ".join(unit.quote.split()) + "”"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

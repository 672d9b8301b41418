"""Fact-checking for the press office: claims against the records, with verbatim quotes.

`FactChecker.check(claim)` gives supported, contradicted or not_found with a cited
explanation; `FactChecker.check_draft(text)` checks every sentence of a draft and
writes the Markdown fact-check pack. No FastAPI, no typer: the CLI and the service
translate `InvalidClaim` (an `InvalidQuery`) at the edge.
"""

from assistant.factcheck.checker import MAX_DRAFT_CLAIMS, FactChecker
from assistant.factcheck.claim import Claim, read_claim
from assistant.factcheck.errors import InvalidClaim
from assistant.factcheck.models import VERDICTS, ClaimCheck, DraftCheck
from assistant.factcheck.report import render_report
from assistant.factcheck.rules import Rules, Verdict

__all__ = [
    "MAX_DRAFT_CLAIMS",
    "VERDICTS",
    "Claim",
    "ClaimCheck",
    "DraftCheck",
    "FactChecker",
    "InvalidClaim",
    "Rules",
    "Verdict",
    "read_claim",
    "render_report",
]

"""What a check returns: one claim's verdict, or a whole draft's, in the JSON the API shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assistant.answer.models import Citation
from assistant.factcheck.rules import Verdict

VERDICTS: tuple[Verdict, ...] = ("supported", "contradicted", "not_found")


@dataclass(frozen=True)
class ClaimCheck:
    """A claim, its verdict, the explanation (every fact cited) and the verified citations."""

    claim: str
    verdict: Verdict
    explanation: str
    citations: list[Citation] = field(default_factory=list)
    searched: dict[str, object] = field(default_factory=dict)

    @property
    def cited_documents(self) -> list[str]:
        """Ids of the documents cited, sorted (for the audit trail)."""
        return sorted({c.evidence.document.id for c in self.citations})

    def as_dict(self) -> dict[str, object]:
        """JSON: claim, verdict, explanation, citations as in the ask JSON, what was searched."""
        return {
            "claim": self.claim,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "citations": [c.as_dict() for c in self.citations],
            "searched": self.searched,
        }


@dataclass(frozen=True)
class DraftCheck:
    """Every claim of a draft statement checked, with the Markdown fact-check pack."""

    checks: list[ClaimCheck]
    generation: int
    checked_at: str  # ISO 8601, UTC
    documents: int
    passages: int
    report: str = ""

    @property
    def summary(self) -> dict[str, int]:
        """How many claims got each verdict (every verdict listed, zeros included)."""
        counts = Counter(c.verdict for c in self.checks)
        return {verdict: counts.get(verdict, 0) for verdict in VERDICTS}

    @property
    def cited_documents(self) -> list[str]:
        """Ids of every document cited by any claim, sorted."""
        return sorted({d for c in self.checks for d in c.cited_documents})

    def as_dict(self) -> dict[str, object]:
        """JSON: the claims, the Markdown report, the index generation, when and the tally."""
        return {
            "claims": [c.as_dict() for c in self.checks],
            "report": self.report,
            "generation": self.generation,
            "checked_at": self.checked_at,
            "summary": self.summary,
        }

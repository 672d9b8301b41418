"""Register answers: counts, lists, due dates and changes, cited to the rows and checked
against press releases."""

from __future__ import annotations

import re
from collections import Counter

from assistant.answer.models import Answer, Citation, Evidence
from assistant.answer.question import EARLIEST, LATEST, Period, Question
from assistant.errors import QuoteMismatch
from assistant.registers.press import claim_words, claims, covers, status_counts
from assistant.registers.questions import RegisterQuestion, classify
from assistant.registers.rows import (
    MAX_LISTED,
    STATUS_LABELS,
    STATUSES,
    Recommendation,
    read_register,
)
from assistant.registers.spans import (
    as_of_day,
    field_span,
    first_reached,
    noun_for,
    period_phrase,
    ref_key,
    seen,
    status_label,
    text_span,
    written,
)
from index import (
    Filters,
    Store,
    date_bounds,
    format_date,
)


def answer_from_register(
    store: Store, question: Question, filters: Filters, *, day_first: bool = True
) -> Answer | None:
    """The hook of Answerer.ask: a register status question over an index with register rows."""
    asked = classify(question)
    if asked is None:
        return None
    everything = read_register(store, kind=filters.kind, day_first=day_first)
    if not everything:
        return None
    rows = [r for r in everything if asked.kind is None or r.kind == asked.kind] or everything
    known = {ref_key(r.ref) for r in everything}
    if asked.refs and not asked.named and not known & {ref_key(r) for r in asked.refs}:
        return None  # "R3"-like words that name no row: not a register question after all
    composer = _Composer(store, question, filters, len(everything))
    if asked.refs:
        return composer.about_refs(asked, everything)
    if asked.asks_due:
        return composer.due(asked, rows)
    return composer.by_status(asked, rows)


# ---------------------------------------------------------------- answers


class _Composer:
    """Writes a register answer sentence by sentence, numbering citations as it goes."""

    def __init__(self, store: Store, question: Question, filters: Filters, rows: int) -> None:
        self.store = store
        self.question = question
        self.filters = filters
        self.rows = rows
        self.cited: list[Evidence] = []

    def cite(self, evidence: Evidence) -> str:
        """The marker of a citation, reused when the same span is cited twice."""
        for number, known in enumerate(self.cited, start=1):
            key = (known.document.id, known.start, known.end)
            if key == (evidence.document.id, evidence.start, evidence.end):
                return f"[{number}]"
        self.cited.append(evidence)
        return f"[{len(self.cited)}]"

    def answer(self, sentences: list[str], status: str = "answered") -> Answer:
        """The answer, every quote checked against the stored text."""
        texts: dict[str, str] = {}
        for evidence in self.cited:
            doc_id = evidence.document.id
            stored = texts.setdefault(doc_id, self.store.text(doc_id))
            if stored[evidence.start : evidence.end] != evidence.quote:
                raise QuoteMismatch(f"quote not verbatim in {doc_id} at {evidence.start}")
        text = " ".join(s for s in sentences if s)
        reason = text if status == "not_found" else None
        citations = [Citation(n, e) for n, e in enumerate(self.cited, start=1)]
        return Answer(self.question.text, status, text, citations, [], reason, self._searched())

    def _searched(self) -> dict[str, object]:
        documents, passages = self.store.counts()
        return {
            "query": self.question.text,
            "filters": {
                "kind": self.filters.kind,
                "since": self.filters.since,
                "until": self.filters.until,
            },
            "periods": list(self.question.period_labels),
            "documents": documents,
            "passages": passages,
            "passages_read": 0,
            "register_rows": self.rows,
        }

    # ---- by status ---------------------------------------------------------
    def by_status(self, asked: RegisterQuestion, rows: list[Recommendation]) -> Answer:
        """How many / which rows have a status, now or as the history stood in a period."""
        day = as_of_day(asked.period)
        states = {r.document.id: (r.status if day is None else r.status_at(day)) for r in rows}
        known = [r for r in rows if states[r.document.id] is not None]
        noun = noun_for(rows)
        when = "" if asked.period is None else f" {period_phrase(asked.period)}"
        if not known:
            first = min(c.seen_at for r in rows for c in r.history) if rows else ""
            return self.answer(
                [
                    f"The register's history begins {seen(first)}, so it does not say what"
                    f" the status of its {noun} was{when}."
                ],
                "not_found",
            )
        wanted = asked.statuses or STATUSES
        matching = [r for r in known if states[r.document.id] in wanted]
        others = [r for r in known if r not in matching]
        one = len(matching) == 1
        verb = ("is" if one else "are") if day is None else ("was" if one else "were")
        if asked.statuses is None:
            tally = Counter(STATUS_LABELS.get(s, s) for s in states.values() if s is not None)
            counts = ", ".join(f"{n} {label}" for label, n in tally.most_common())
            listed = self._list(known, states, day, labelled=True)
            sentences = [f"The register lists {len(known)} {noun}{when} ({counts}): {listed}."]
        else:
            lead = (
                f"{len(matching)} of the {len(known)} {noun} in the register {verb}"
                f" {status_label(wanted)}{when}"
            )
            listed = self._list(matching, states, day, labelled=len(wanted) > 1)
            sentences = [lead + (f": {listed}" if matching else "") + "."]
        if others and asked.statuses is not None:
            listed = self._list(others, states, day, labelled=True)
            sentences.append(f"The other {len(others)}: {listed}.")
        unseen = len(rows) - len(known)
        if unseen:
            sentences.append(f"{unseen} more had not been recorded in the register by then.")
        if asked.kind != "action_plan_note":
            sentences += self._press_releases(known)
        return self.answer(sentences)

    def _list(
        self,
        rows: list[Recommendation],
        states: dict[str, str | None],
        day: str | None,
        *,
        labelled: bool,
    ) -> str:
        parts = []
        for row in rows[:MAX_LISTED]:
            state = states[row.document.id] or "unknown"
            if state == row.status:
                marker = self.cite(field_span(row, "status") or text_span(row))
                label = f" ({STATUS_LABELS.get(state, state)})" if labelled else ""
                parts.append(f"{row.ref}{label} {marker}")
            else:
                when = next(
                    c.seen_at for c in reversed(row.history) if c.seen_at[:10] <= (day or "")
                )
                marker = self.cite(text_span(row))
                parts.append(
                    f"{row.ref} ({STATUS_LABELS.get(state, state)} as recorded {seen(when)};"
                    f" now {STATUS_LABELS.get(row.status, row.status)}) {marker}"
                )
        more = len(rows) - MAX_LISTED
        return ", ".join(parts) + (f" and {more} more" if more > 0 else "")

    # ---- due dates ---------------------------------------------------------
    def due(self, asked: RegisterQuestion, rows: list[Recommendation]) -> Answer:
        """Rows whose due date falls in the period asked (or every dated row)."""
        dated = [r for r in rows if r.due and re.fullmatch(r"\d{4}(-\d{2}){0,2}", r.due)]
        noun = noun_for(rows)
        if not dated:
            return self.answer(
                [f"The register gives no due dates for its {len(rows)} {noun}."], "not_found"
            )
        first, last = (asked.period.start, asked.period.end) if asked.period else (EARLIEST, LATEST)
        inside = sorted(
            (r for r in dated if first <= str(r.due)[:10] and str(r.due) <= last),
            key=lambda r: str(r.due),
        )
        if asked.statuses is not None:
            inside = [r for r in inside if r.status in asked.statuses]
        when = f" {asked.period.label}" if asked.period else ""
        if not inside:
            listed = ", ".join(self._due_part(r) for r in dated[:MAX_LISTED])
            return self.answer([f"None of the {len(dated)} dated {noun} is due{when}: {listed}."])
        listed = ", ".join(self._due_part(r) for r in inside[:MAX_LISTED])
        verb = "is" if len(inside) == 1 else "are"
        return self.answer([f"{len(inside)} of the {len(rows)} {noun} {verb} due{when}: {listed}."])

    def _due_part(self, row: Recommendation) -> str:
        due = format_date(str(row.due))
        marker = self.cite(
            field_span(row, "due", "due_date", "due date", "deadline") or text_span(row)
        )
        status = STATUS_LABELS.get(row.status, row.status)
        return f"{row.ref} (due {due}, {status}) {marker}"

    # ---- one row -----------------------------------------------------------
    def about_refs(self, asked: RegisterQuestion, rows: list[Recommendation]) -> Answer:
        """What the register says of the rows named, with when their status changed."""
        wanted = {ref_key(r) for r in asked.refs}
        named = [r for r in rows if ref_key(r.ref) in wanted]
        if not named:
            refs = ", ".join(asked.refs)
            return self.answer([f"The register has no row {refs}."], "not_found")
        sentences: list[str] = []
        for row in named:
            if asked.period is not None:
                sentences.append(self._at_period(row, asked.period))
            elif asked.asks_when:
                sentences += self._when(row, asked.statuses or ("implemented",))
            else:
                sentences += self._current(row)
        return self.answer(sentences)

    def _current(self, row: Recommendation) -> list[str]:
        marker = self.cite(field_span(row, "status") or text_span(row))
        lines = [f"{row.ref} is recorded as {STATUS_LABELS.get(row.status, row.status)} {marker}."]
        evidence = field_span(row, "evidence")
        if evidence is not None:
            lines.append(f"The register's evidence for it: {self.cite(evidence)}.")
        return [*lines, self._history(row)] if len(row.history) > 1 else lines

    def _when(self, row: Recommendation, statuses: tuple[str, ...]) -> list[str]:
        label = status_label(statuses)
        if row.completed and "implemented" in statuses:
            span = field_span(row, "completed", "completed_date", "date_completed", "completed_on")
            marker = self.cite(span or text_span(row))
            return [f"{row.ref} was completed on {written(row.completed)} {marker}."]
        reached = first_reached(row.history, statuses)
        if reached is None:
            marker = self.cite(field_span(row, "status") or text_span(row))
            now = STATUS_LABELS.get(row.status, row.status)
            return [f"The register records {row.ref} as {now}, not {label} {marker}."]
        markers = self.cite(field_span(row, "status") or text_span(row))
        as_of = field_span(row, "as_of", "as of", "as-of", "updated")
        if as_of is not None and row.record.seen_at == reached.seen_at and row.status in statuses:
            markers += " " + self.cite(as_of)
        lines = [
            f"The register first records {row.ref} as {label} {seen(reached.seen_at)} {markers};"
            " it gives no completion date of its own."
        ]
        earlier = [c for c in row.history if c.seen_at < reached.seen_at]
        if earlier:
            lines.append(self._history(row))
        return lines

    def _at_period(self, row: Recommendation, period: Period) -> str:
        day = as_of_day(period) or LATEST
        state = row.status_at(day)
        marker = self.cite(text_span(row))
        when = period_phrase(period)
        if state is None:
            return f"The register had not recorded {row.ref} {when} {marker}."
        return f"{row.ref} was {STATUS_LABELS.get(state, state)} {when}, by the register {marker}."

    def _history(self, row: Recommendation) -> str:
        steps = "; ".join(
            f"{STATUS_LABELS.get(c.status, c.status)} {seen(c.seen_at)}" for c in row.history
        )
        return f"Its status history in the register: {steps}."

    # ---- press releases ----------------------------------------------------
    def _press_releases(self, rows: list[Recommendation]) -> list[str]:
        """Say whether what press releases claim agrees with the register, citing both."""
        sentences = []
        for claim in claims(self.store):
            day = date_bounds(claim.document.date)[1] if claim.document.date else None
            counts = status_counts(rows, day if day and covers(rows, day) else None)
            marker = " ".join(self.cite(e) for e in claim.evidence)
            said = claim_words(claim)
            held = (
                f"{counts['implemented']} implemented and {counts['open']} open"
                f" of {counts['total']}"
            )
            agree = (
                claim.implemented in (None, counts["implemented"])
                and claim.in_progress in (None, counts["open"])
                and claim.total in (None, counts["total"])
            )
            dated = (
                f"The press release of {format_date(claim.document.date)}"
                if claim.document.date
                else "A press release"
            )
            verdict = "which agrees with the register" if agree else "but the register records"
            tail = f" ({held})." if agree else f" {held}: they disagree."
            sentences.append(f"{dated} says {said} {marker}, {verdict}{tail}")
        return sentences

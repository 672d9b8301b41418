"""Registers: SCR recommendations and action-plan items read from register rows, and the
status questions they answer (how many, which are open, what is due, when a row changed),
each answer cited to the rows' stored text and checked against press releases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.answer.models import Answer, Citation, Evidence
from assistant.answer.question import EARLIEST, LATEST, STOPWORDS, Period, Question
from assistant.errors import InvalidQuery, QuoteMismatch
from index import (
    DocumentRecord,
    Filters,
    Store,
    StoredRecord,
    StoreError,
    date_bounds,
    format_date,
    normalise_date,
)

STATUSES = ("implemented", "in_progress", "not_started", "superseded")
OPEN = ("in_progress", "not_started")
_SPELLINGS = {
    "implemented": "complete completed done closed fully_implemented met achieved delivered",
    "in_progress": "inprogress ongoing underway under_way started being_implemented"
    " partially_implemented partly_implemented in_hand",
    "not_started": "not_yet_started pending planned to_do todo open outstanding",
    "superseded": "replaced withdrawn no_longer_applicable",
}
_ALIASES = {alias: status for status, words in _SPELLINGS.items() for alias in words.split()}
_LABELS = {
    "implemented": "implemented",
    "in_progress": "in progress",
    "not_started": "not started",
    "superseded": "superseded",
}
_KIND_NOUNS = {"scr_recommendation": "recommendations", "action_plan_note": "action-plan items"}
MAX_LISTED = 30


def normalise_status(value: str) -> str:
    """'In progress', 'in-progress', 'Complete' → one of STATUSES; other words kept, tidied."""
    word = re.sub(r"[\s\-]+", "_", value.strip().lower())
    return word if word in STATUSES else _ALIASES.get(word, word or "unknown")


def status_filter(value: str | None) -> tuple[str, ...] | None:
    """A --status / ?status= value: a status, or 'open' (in progress or not started)."""
    if value is None or not value.strip():
        return None
    if value.strip().lower() in {"open", "outstanding"}:
        return OPEN
    status = normalise_status(value)
    if status not in STATUSES:
        raise InvalidQuery(
            f"unknown status {value!r} (expected open or one of {', '.join(STATUSES)})"
        )
    return (status,)


@dataclass(frozen=True)
class StatusChange:
    """A status as first seen in the register at a date (its as-of date, else when ingested)."""

    status: str
    seen_at: str

    def as_dict(self) -> dict[str, str]:
        """JSON: status, seen_at."""
        return {"status": self.status, "seen_at": self.seen_at}


@dataclass(frozen=True)
class Recommendation:
    """One register row: what it asks, who owns it, its status, dates and status history."""

    ref: str
    text: str
    owner: str | None
    status: str
    due: str | None
    completed: str | None
    evidence: str | None
    source: str | None
    kind: str
    document: DocumentRecord
    row: int
    history: tuple[StatusChange, ...]
    record: StoredRecord = field(repr=False, compare=False)

    @property
    def is_open(self) -> bool:
        """In progress or not started."""
        return self.status in OPEN

    def status_at(self, day: str) -> str | None:
        """The status the register recorded on or before `day` (None: not yet seen then)."""
        seen = [c.status for c in self.history if c.seen_at[:10] <= day]
        return seen[-1] if seen else None

    def as_dict(self) -> dict[str, object]:
        """JSON: the row's fields, its document, row number and status history."""
        return {
            "ref": self.ref,
            "text": self.text,
            "owner": self.owner,
            "status": self.status,
            "due": self.due,
            "completed": self.completed,
            "evidence": self.evidence,
            "source": self.source,
            "kind": self.kind,
            "document": self.document.as_dict(),
            "row": self.row,
            "history": [h.as_dict() for h in self.history],
        }


def read_register(
    store: Store,
    *,
    kind: str | None = None,
    status: tuple[str, ...] | None = None,
    day_first: bool = True,
) -> list[Recommendation]:
    """The register rows (rows with a status column), optionally of one kind and status."""
    records = store.records(Filters(kind=kind) if kind else None, having="status")
    rows = [_recommendation(r, day_first) for r in records]
    return [r for r in rows if status is None or r.status in status]


def _recommendation(record: StoredRecord, day_first: bool) -> Recommendation:
    history: list[StatusChange] = []
    for change in record.changes("status"):
        status = normalise_status(change.value)
        if not history or history[-1].status != status:
            history.append(StatusChange(status, change.seen_at))
    return Recommendation(
        ref=record.field("ref", "id") or record.document.title,
        text=record.field("text", "description", "recommendation", "body", "title")
        or record.document.title,
        owner=record.field("owner", "lead", "responsible") or None,
        status=normalise_status(record.field("status") or ""),
        due=_date(record.field("due", "due_date", "due date", "deadline"), day_first),
        completed=_date(
            record.field("completed", "completed_date", "date_completed", "completed_on"),
            day_first,
        ),
        evidence=record.field("evidence") or None,
        source=record.field("source") or record.document.attribution,
        kind=record.document.kind,
        document=record.document,
        row=record.row,
        history=tuple(history),
        record=record,
    )


def _date(value: str | None, day_first: bool) -> str | None:
    """A date column, normalised when it reads as a date, else as written."""
    if not value:
        return None
    try:
        return normalise_date(value, day_first=day_first)
    except ValueError:
        return value


# ---------------------------------------------------------------- questions

_NOUN = re.compile(r"\b(recommendations?|actions?|action[- ]plan items?|items?|register)\b", re.I)
_REF = re.compile(r"\b([A-Z]{1,3}\d+(?:\.\d+)*)\b|\brecommendation\s+(\d+)\b", re.I)
_OPEN_WORDS = re.compile(
    r"\b(outstanding|open|incomplete|unfinished|remaining|pending|not (?:yet )?(?:been )?"
    r"(?:fully )?implemented|being implemented|still to be implemented)\b",
    re.I,
)
_IN_PROGRESS = re.compile(r"\b(in progress|in_progress|under ?way|ongoing)\b", re.I)
_NOT_STARTED = re.compile(r"\bnot (?:yet )?started\b", re.I)
_SUPERSEDED = re.compile(r"\bsuperseded\b", re.I)
_DONE = re.compile(r"\b(implemented|completed?|done|finished|closed|delivered)\b", re.I)
_STATUS_WORD = re.compile(r"\bstatus\b", re.I)
_DUE = re.compile(r"\b(due|deadlines?)\b", re.I)
_VOCAB_TEXT = """recommendation recommendations action actions item items plan register registers
    implemented implement complete completed done finished closed delivered outstanding open
    incomplete unfinished remaining pending still yet fully progress underway ongoing started
    superseded status statuses due deadline deadlines scr serious case review total number
    currently now left make makes made contain contains"""
_VOCAB = frozenset(_VOCAB_TEXT.split())


@dataclass(frozen=True)
class RegisterQuestion:
    """What a status question asks of the register."""

    kind: str | None
    named: bool  # the question names recommendations, actions or items
    refs: tuple[str, ...]
    statuses: tuple[str, ...] | None  # None: every status
    asks_due: bool
    asks_when: bool
    period: Period | None


def classify(question: Question) -> RegisterQuestion | None:
    """A register status question, or None for the normal retrieval path."""
    text = question.text
    refs = tuple(dict.fromkeys(m.group(1) or m.group(2) for m in _REF.finditer(text)))
    leftover = [
        w
        for w in question.term_words
        if w.lower() not in _VOCAB
        and w.lower() not in STOPWORDS
        and not any(w.lower() in r.lower() for r in refs)
    ]
    if leftover:
        return None
    statuses = _statuses(text)
    asks_due = bool(_DUE.search(text))
    asks_status = bool(_STATUS_WORD.search(text))
    noun = _NOUN.search(text)
    asks = asks_due or asks_status or (bool(noun) and question.asks_number)
    if statuses is None and not asks and not (refs and question.asks_when):
        return None
    kind = None
    if noun and noun.group(1).lower().startswith("recommendation"):
        kind = "scr_recommendation"
    elif noun and noun.group(1).lower().startswith("action"):
        kind = "action_plan_note"
    return RegisterQuestion(
        kind=kind,
        named=bool(noun),
        refs=refs,
        statuses=statuses,
        asks_due=asks_due,
        asks_when=question.asks_when,
        period=question.periods[0] if question.periods else None,
    )


def _statuses(text: str) -> tuple[str, ...] | None:
    if _NOT_STARTED.search(text):
        return ("not_started",)
    if _IN_PROGRESS.search(text):
        return ("in_progress",)
    if _OPEN_WORDS.search(text):
        return OPEN
    if _SUPERSEDED.search(text):
        return ("superseded",)
    if _DONE.search(text):
        return ("implemented",)
    return None


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
    known = {_ref_key(r.ref) for r in everything}
    if asked.refs and not asked.named and not known & {_ref_key(r) for r in asked.refs}:
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
        day = _as_of_day(asked.period)
        states = {r.document.id: (r.status if day is None else r.status_at(day)) for r in rows}
        known = [r for r in rows if states[r.document.id] is not None]
        noun = _noun(rows)
        when = "" if asked.period is None else f" {_period_phrase(asked.period)}"
        if not known:
            first = min(c.seen_at for r in rows for c in r.history) if rows else ""
            return self.answer(
                [
                    f"The register's history begins {_seen(first)}, so it does not say what"
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
            tally = Counter(_LABELS.get(s, s) for s in states.values() if s is not None)
            counts = ", ".join(f"{n} {label}" for label, n in tally.most_common())
            listed = self._list(known, states, day, labelled=True)
            sentences = [f"The register lists {len(known)} {noun}{when} ({counts}): {listed}."]
        else:
            lead = (
                f"{len(matching)} of the {len(known)} {noun} in the register {verb}"
                f" {_status_label(wanted)}{when}"
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
                marker = self.cite(_field_span(row, "status") or _text_span(row))
                label = f" ({_LABELS.get(state, state)})" if labelled else ""
                parts.append(f"{row.ref}{label} {marker}")
            else:
                seen = next(
                    c.seen_at for c in reversed(row.history) if c.seen_at[:10] <= (day or "")
                )
                marker = self.cite(_text_span(row))
                parts.append(
                    f"{row.ref} ({_LABELS.get(state, state)} as recorded {_seen(seen)};"
                    f" now {_LABELS.get(row.status, row.status)}) {marker}"
                )
        more = len(rows) - MAX_LISTED
        return ", ".join(parts) + (f" and {more} more" if more > 0 else "")

    # ---- due dates ---------------------------------------------------------
    def due(self, asked: RegisterQuestion, rows: list[Recommendation]) -> Answer:
        """Rows whose due date falls in the period asked (or every dated row)."""
        dated = [r for r in rows if r.due and re.fullmatch(r"\d{4}(-\d{2}){0,2}", r.due)]
        noun = _noun(rows)
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
            _field_span(row, "due", "due_date", "due date", "deadline") or _text_span(row)
        )
        status = _LABELS.get(row.status, row.status)
        return f"{row.ref} (due {due}, {status}) {marker}"

    # ---- one row -----------------------------------------------------------
    def about_refs(self, asked: RegisterQuestion, rows: list[Recommendation]) -> Answer:
        """What the register says of the rows named, with when their status changed."""
        wanted = {_ref_key(r) for r in asked.refs}
        named = [r for r in rows if _ref_key(r.ref) in wanted]
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
        marker = self.cite(_field_span(row, "status") or _text_span(row))
        lines = [f"{row.ref} is recorded as {_LABELS.get(row.status, row.status)} {marker}."]
        evidence = _field_span(row, "evidence")
        if evidence is not None:
            lines.append(f"The register's evidence for it: {self.cite(evidence)}.")
        return [*lines, self._history(row)] if len(row.history) > 1 else lines

    def _when(self, row: Recommendation, statuses: tuple[str, ...]) -> list[str]:
        label = _status_label(statuses)
        if row.completed and "implemented" in statuses:
            span = _field_span(row, "completed", "completed_date", "date_completed", "completed_on")
            marker = self.cite(span or _text_span(row))
            return [f"{row.ref} was completed on {_written(row.completed)} {marker}."]
        reached = _first_reached(row.history, statuses)
        if reached is None:
            marker = self.cite(_field_span(row, "status") or _text_span(row))
            now = _LABELS.get(row.status, row.status)
            return [f"The register records {row.ref} as {now}, not {label} {marker}."]
        markers = self.cite(_field_span(row, "status") or _text_span(row))
        as_of = _field_span(row, "as_of", "as of", "as-of", "updated")
        if as_of is not None and row.record.seen_at == reached.seen_at and row.status in statuses:
            markers += " " + self.cite(as_of)
        lines = [
            f"The register first records {row.ref} as {label} {_seen(reached.seen_at)} {markers};"
            " it gives no completion date of its own."
        ]
        earlier = [c for c in row.history if c.seen_at < reached.seen_at]
        if earlier:
            lines.append(self._history(row))
        return lines

    def _at_period(self, row: Recommendation, period: Period) -> str:
        day = _as_of_day(period) or LATEST
        state = row.status_at(day)
        marker = self.cite(_text_span(row))
        when = _period_phrase(period)
        if state is None:
            return f"The register had not recorded {row.ref} {when} {marker}."
        return f"{row.ref} was {_LABELS.get(state, state)} {when}, by the register {marker}."

    def _history(self, row: Recommendation) -> str:
        steps = "; ".join(
            f"{_LABELS.get(c.status, c.status)} {_seen(c.seen_at)}" for c in row.history
        )
        return f"Its status history in the register: {steps}."

    # ---- press releases ----------------------------------------------------
    def _press_releases(self, rows: list[Recommendation]) -> list[str]:
        """Say whether what press releases claim agrees with the register, citing both."""
        sentences = []
        for claim in _claims(self.store):
            day = date_bounds(claim.document.date)[1] if claim.document.date else None
            counts = _counts(rows, day if day and _covers(rows, day) else None)
            marker = " ".join(self.cite(e) for e in claim.evidence)
            said = _claim_words(claim)
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


@dataclass(frozen=True)
class _Claim:
    """A press-release sentence stating how many recommendations were implemented."""

    evidence: tuple[Evidence, ...]  # the sentence, and the one before when it gives the total
    implemented: int | None
    in_progress: int | None
    total: int | None

    @property
    def document(self) -> DocumentRecord:
        return self.evidence[0].document


_NUMBER_WORDS = """zero one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_NUMBERS = {w: i for i, w in enumerate(_NUMBER_WORDS.split())}
_NUMBER = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBERS) + r")\b", re.I)
_BEING = re.compile(r"\bbeing implemented\b", re.I)
_IMPLEMENTED = re.compile(r"\bimplemented\b", re.I)
_TOTAL = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBERS) + r")\s+recommendations\b", re.I)


def _claims(store: Store) -> list[_Claim]:
    """Sentences of press releases that count implemented recommendations."""
    filters = Filters(kind="press_release")
    try:
        hits = store.keyword_search('"implemented"', 20, filters)
    except StoreError:  # a keyword index problem must not break register answers
        return []
    doc_ids = dict.fromkeys(
        chunk.doc_id for chunk, _, _ in store.chunks([h for h, _ in hits]).values()
    )
    claims = []
    for doc_id in doc_ids:
        document, text = store.get(doc_id), store.text(doc_id)
        sentences = store.sentences(doc_id, 0, 1_000_000)
        for index, sentence in enumerate(sentences):
            quote = text[sentence.start : sentence.end]
            before = text[sentences[index - 1].start : sentences[index - 1].end] if index else ""
            if "recommendation" not in (quote + before).lower():
                continue
            done, going = _count_before(quote, _IMPLEMENTED, ","), _count_before(quote, _BEING, "")
            if done is None and going is None:
                continue
            total = _TOTAL.search(quote)
            spans = [sentence]
            if total is None and index:
                total = _TOTAL.search(before)
                spans = [sentences[index - 1], sentence] if total else spans
            evidence = tuple(
                Evidence(document, text[s.start : s.end], s.start, s.end, s.page, 1.0, 1.0)
                for s in spans
            )
            claims.append(_Claim(evidence, done, going, _number(total.group(1)) if total else None))
            break
    return claims


def _count_before(sentence: str, phrase: re.Pattern[str], stop: str) -> int | None:
    """The number nearest before the phrase, with no other count (or `stop`) between."""
    for match in phrase.finditer(sentence):
        if phrase is _IMPLEMENTED and sentence[: match.start()].rstrip().lower().endswith("being"):
            continue
        head = sentence[max(0, match.start() - 120) : match.start()]
        numbers = list(_NUMBER.finditer(head))
        if not numbers:
            continue
        between = head[numbers[-1].end() :]
        if (stop and stop in between) or _IMPLEMENTED.search(between) or "area" in between.lower():
            continue
        if re.search(r"\bnot\b", between, re.I):
            continue
        nearest = numbers[-1]
        if len(numbers) > 1:  # "3 of the 4 recommendations": the count is the first
            gap = head[numbers[-2].end() : nearest.start()]
            if re.fullmatch(r"\s+of\s+(?:the\s+|these\s+)?", gap, re.I):
                nearest = numbers[-2]
        return _number(nearest.group(1))
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _claim_words(claim: _Claim) -> str:
    parts = []
    if claim.implemented is not None:
        total = f" of {claim.total}" if claim.total is not None else ""
        parts.append(f"{claim.implemented}{total} were fully implemented")
    if claim.in_progress is not None:
        parts.append(f"{claim.in_progress} were being implemented")
    return " and ".join(parts)


def _counts(rows: list[Recommendation], day: str | None) -> dict[str, int]:
    states = [r.status if day is None else r.status_at(day) for r in rows]
    known = [s for s in states if s is not None]
    return {
        "implemented": sum(s == "implemented" for s in known),
        "open": sum(s in OPEN for s in known),
        "total": len(known),
    }


def _covers(rows: list[Recommendation], day: str) -> bool:
    """Whether the register's history reaches back to a day (else compare with now)."""
    return any(c.seen_at[:10] <= day for r in rows for c in r.history)


# ---------------------------------------------------------------- spans and words


def _field_span(row: Recommendation, *columns: str) -> Evidence | None:
    """The 'Column: value' paragraph the loader wrote for a column, as stored."""
    text = row.record.text
    for name, value in row.record.fields.items():
        if name.lower() not in {c.lower() for c in columns} or not value:
            continue
        label = name.replace("_", " ").strip()
        pattern = rf"^{re.escape(label)}:[ \t]*{re.escape(value)}[ \t]*$"
        match = re.search(pattern, text, re.I | re.M)
        if match:
            return _evidence(row, match.start(), match.end())
    return None


def _text_span(row: Recommendation) -> Evidence:
    """The row's text paragraph (or its first paragraph) as stored."""
    text = row.record.text
    start = text.find(row.text) if row.text else -1
    if start < 0:
        start, end = 0, (text.find("\n") if "\n" in text else len(text))
    else:
        end = start + len(row.text)
    return _evidence(row, start, end)


def _evidence(row: Recommendation, start: int, end: int) -> Evidence:
    quote = row.record.text[start:end]
    return Evidence(row.document, quote, start, end, None, 1.0, 1.0)


def _first_reached(
    history: tuple[StatusChange, ...], statuses: tuple[str, ...]
) -> StatusChange | None:
    """When the status last became one of `statuses` (None if it is not one now)."""
    if not history or history[-1].status not in statuses:
        return None
    reached = history[-1]
    for change in reversed(history):
        if change.status not in statuses:
            break
        reached = change
    return reached


def _ref_key(ref: str) -> str:
    key = ref.strip().upper()
    return f"R{key}" if key.isdigit() else key


def _noun(rows: list[Recommendation]) -> str:
    kinds = {r.kind for r in rows}
    return _KIND_NOUNS.get(kinds.pop(), "items") if len(kinds) == 1 else "items"


def _status_label(statuses: tuple[str, ...]) -> str:
    if set(statuses) == set(OPEN):
        return "still open (in progress or not started)"
    if set(statuses) == set(STATUSES):
        return "recorded with a status"
    return " or ".join(_LABELS.get(s, s) for s in statuses)


def _as_of_day(period: Period | None) -> str | None:
    """The day a period's state is read at: its last day (None: now)."""
    if period is None or period.end == LATEST:
        return None
    return period.end


def _period_phrase(period: Period) -> str:
    first = period.label.split()[0].lower()
    return (
        period.label
        if first in {"before", "by", "until", "till", "after", "since", "from", "as"}
        else f"in {period.label}"
    )


def _written(value: str) -> str:
    try:
        return format_date(value)
    except (ValueError, IndexError):
        return value


def _seen(seen_at: str) -> str:
    """'as of 1 March 2010', or when an undated register was ingested."""
    if "T" in seen_at:
        return f"when the register was ingested on {_written(seen_at[:10])}"
    return f"as of {_written(seen_at)}"

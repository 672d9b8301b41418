"""Candidate sentences from the retrieved passages, each with its context and vector.

A sentence rarely stands alone in a real page: the person it speaks of may be named in the
heading above it ("Jane Doe (April 2012 - July 2013)") or the sentence before. Candidates
carry both, so scoring can read them and the answer can show them.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

import numpy as np

from assistant.answer.intent import people_in
from assistant.answer.tokens import repeated_stems, stems
from assistant.conversation.words import sex_of
from index import ADDRESS_LINE, DocumentRecord, SearchHit, Store, StoredSentence, find_dates

LOOKBACK = 12
"""How many sentences above a passage are read to find the heading its sentences sit under."""

HEADING_WORDS = 12
"""A line this short with no closing punctuation is a heading, not a statement."""

LIST_RUN = 12
"""How many list items above a line are walked to find the lead-in line they hang from."""

LIST_ITEM_WORDS = 2
"""A list item this short still answers ("care leavers")."""

EDGE = 1
"""Sentences before a passage read as candidates too: a passage's edge can cut an answer
from the sentence that leads up to it ("The previous inspection … found …" above "In
June and July this year, Ofsted sent …")."""

_T = TypeVar("_T")
DOCUMENTS_REMEMBERED = 256
"""Word stems of this many documents are kept between questions (most are asked again)."""

_ITEM_END = re.compile(r"(;|,|;\s*and|\band|\bor)$", re.I)
"""How a list item that is not the last ends ("… in the inspection report;")."""

_SECTION_NUMBER = re.compile(r"\s\d+(?:\.\d+)*\.?\s*$")
_NAME_WITH_NOTE = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}\([^()]{1,60}\)")
"""Capitalised words and a bracketed note, nothing else: "Jane Doe (2010 - 2012)"."""
"""A section or page number closing a line."""

_CLOSES = (".", "!", "?", "…", '"', "”", "’", "'", ")")

_OPENING_QUOTES = ("“", '"', "‘")
_ATTRIBUTION = re.compile(
    r"\b(said|says|added|adds|commented|comments|stated|states|explained|continued|told|"
    r"warned|warns)\b",
    re.I,
)
"""A verb of saying: the sentence says who speaks the quotation it opens or closes."""
QUOTE_RUN = 4
"""How many quoted paragraphs above a sentence are walked to find who is speaking."""
TENURE_RUN = 40
"""How many sentences past a tenure heading the next one ("Sam Roe (2012 - 2014)") is
looked for: a tenure's section is a few paragraphs."""


@dataclass(frozen=True)
class Span:
    """A verbatim piece of a stored document."""

    text: str
    start: int
    end: int


@dataclass
class Candidate:
    """A sentence that may answer, with what surrounds it and where it was found."""

    document: DocumentRecord
    sentence: StoredSentence
    text: str
    vector: np.ndarray | None
    previous: Span | None
    heading: Span | None
    previous_vector: np.ndarray | None
    heading_vector: np.ndarray | None
    rank: int
    passage_score: float
    document_stems: frozenset[str] = frozenset()  # every word stem of its document
    document_headings: frozenset[str] = frozenset()  # the stems of its document's headings
    topics_of: Callable[[], frozenset[str]] | None = None  # its page's topics, on first use
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    line: bool = False  # a heading-like line ("Author Jane Doe, Director"), not a sentence
    same_paragraph: bool = False  # the previous sentence is of its paragraph
    speaker: Span | None = None  # for a quotation running on over paragraphs: who says it
    namer: Span | None = None  # the sentence above naming in full one it calls "Cllr Doe"

    @property
    def context_text(self) -> str:
        """The heading, previous sentence and title, as one text to look for names in."""
        parts = [self.document.title]
        parts += [s.text for s in self.context_spans]
        return " \n".join(parts)

    @property
    def document_topics(self) -> frozenset[str]:
        """The stems its document is about (read from the page only when asked)."""
        return self.topics_of() if self.topics_of is not None else frozenset()

    @property
    def context_spans(self) -> list[Span]:
        """What it is read with: its heading, the sentence before, who speaks it, who its
        "he" or "Cllr Doe" is."""
        spans = (self.heading, self.previous, self.speaker, self.namer)
        return [s for s in spans if s is not None]


class DocumentWords:
    """Word stems of whole documents: what a page is about, wherever it says it. Kept for
    the documents asked about most recently (thread-safe: the service answers in threads)."""

    def __init__(self, size: int = DOCUMENTS_REMEMBERED) -> None:
        self.size = size
        self._pages: OrderedDict[tuple[str, int, str], tuple[frozenset[str], frozenset[str]]]
        self._pages = OrderedDict()
        self._topics: OrderedDict[tuple[str, int, str], frozenset[str]] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, doc_id: str, text: str) -> frozenset[str]:
        """The stems of one document's text."""
        return self._page(doc_id, text)[0]

    def headings(self, doc_id: str, text: str) -> frozenset[str]:
        """The stems of its heading lines below its opening lines: a page whose sections
        are headed by places (a round-up of councils) is about each place only within that
        place's section; a place in the page's own heading block ("Northtown City Council"
        above the title) is what the whole page is about."""
        return self._page(doc_id, text)[1]

    def topics(self, doc_id: str, text: str) -> frozenset[str]:
        """The stems a page is about: in its heading block or first paragraph, or used twice
        or more (a street the page names once, in passing, is not where all of it happens).
        Read only when a name must be held by its page."""
        return self._remembered(self._topics, _key(doc_id, text), lambda: _topics_of(text))

    def _page(self, doc_id: str, text: str) -> tuple[frozenset[str], frozenset[str]]:
        return self._remembered(self._pages, _key(doc_id, text), lambda: _stems_of(text))

    def _remembered(
        self,
        cache: OrderedDict[tuple[str, int, str], _T],
        key: tuple[str, int, str],
        read: Callable[[], _T],
    ) -> _T:
        """What `read` gives for a page, kept for the pages read most recently."""
        with self._lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        found = read()
        with self._lock:
            cache[key] = found
            if len(cache) > self.size:
                cache.popitem(last=False)
        return found


def _stems_of(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A page's stems, and its headings' below its opening lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    top = _opening_lines(lines)
    headed = " \n".join(line for line in lines[top:] if is_heading(line, ""))
    return frozenset(stems(text)), frozenset(stems(headed))


def _topics_of(text: str) -> frozenset[str]:
    """The stems of a page's heading block and first paragraph, and those it repeats."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    opening = " \n".join(lines[: _opening_lines(lines) + 1])
    return repeated_stems(text) | frozenset(stems(opening))


def _key(doc_id: str, text: str) -> tuple[str, int, str]:
    return (doc_id, len(text), text[-80:])


def _opening_lines(lines: list[str]) -> int:
    """How many heading-like lines open a page (its heading block)."""
    return next((i for i, line in enumerate(lines) if not is_heading(line, "")), len(lines))


class CandidateReader:
    """Reads the statements of the top passages, once each, with heading and previous line."""

    def __init__(self, store: Store, *, min_words: int = 4) -> None:
        self.store = store
        self.min_words = min_words
        self.document_words = DocumentWords()

    def read(self, hits: list[SearchHit]) -> list[Candidate]:
        """Every statement of the passages, in rank order, each sentence once."""
        found: list[Candidate] = []
        seen: set[tuple[str, int]] = set()
        texts: dict[str, str] = {}
        for rank, hit in enumerate(hits):
            doc_id = hit.document.id
            text = texts.setdefault(doc_id, self.store.text(doc_id))
            first = max(0, hit.chunk.first_sentence - LOOKBACK)
            rows = self.store.sentences(doc_id, first, hit.chunk.last_sentence)
            vectors = self.store.sentence_vectors(doc_id, first, hit.chunk.last_sentence)
            for index, row in enumerate(rows):
                if row.ord < hit.chunk.first_sentence - EDGE or (doc_id, row.ord) in seen:
                    continue
                seen.add((doc_id, row.ord))
                candidate = self._candidate(hit, rank, text, rows[: index + 1], vectors)
                if candidate is not None:
                    candidate.document_stems = self.document_words.of(doc_id, text)
                    candidate.document_headings = self.document_words.headings(doc_id, text)
                    candidate.topics_of = partial(self.document_words.topics, doc_id, text)
                    found.append(candidate)
        return found

    def list_items(self, item: Candidate, most: int, *, section: bool = False) -> list[Candidate]:
        """The items hanging from the lead-in line `item` hangs from, in text order (`most`
        of them around `item`): a list is answered whole, though its other items were in
        passages nobody retrieved. With `section`, any heading's sentences ("2. Key
        findings") are its items."""
        lead = item.heading
        if lead is None or not (section or lead.text.rstrip().endswith(":")):
            return [item]
        doc_id = item.document.id
        text = self.store.text(doc_id)
        first = max(0, item.sentence.ord - LOOKBACK - LIST_RUN)
        rows = self.store.sentences(doc_id, first, item.sentence.ord + LIST_RUN)
        vectors = self.store.sentence_vectors(doc_id, first, item.sentence.ord + LIST_RUN)
        items = self._hanging(item, lead.start, rows, vectors, text)
        at = next((i for i, c in enumerate(items) if c.sentence.ord == item.sentence.ord), 0)
        first = max(0, min(at - most // 2, len(items) - most))
        return items[first : first + most] or [item]

    def items_below(self, lead: Candidate, most: int) -> list[Candidate]:
        """The list items hanging from a lead-in sentence ("… from examining the following
        areas:"), in text order, at most `most`: the list it introduces answers for it."""
        if not lead.text.rstrip().endswith(":"):
            return []
        doc_id = lead.document.id
        text = self.store.text(doc_id)
        first = max(0, lead.sentence.ord - LOOKBACK)
        last = lead.sentence.ord + LIST_RUN
        rows = self.store.sentences(doc_id, first, last)
        vectors = self.store.sentence_vectors(doc_id, first, last)
        return self._hanging(lead, lead.sentence.start, rows, vectors, text)[:most]

    def adjacent_tenure(self, item: Candidate, *, later: bool) -> Candidate | None:
        """The first sentence under the tenure heading ("Sam Roe (2012 - 2014)") after (or,
        unless `later`, before) the one `item` sits under: on a page of a post's holders,
        who held it next, or before."""
        if item.heading is None:
            return None
        doc_id = item.document.id
        text = self.store.text(doc_id)
        first = max(0, item.sentence.ord - (LOOKBACK if later else TENURE_RUN))
        last = item.sentence.ord + (TENURE_RUN if later else 0)
        rows = self.store.sentences(doc_id, first, last)
        vectors = self.store.sentence_vectors(doc_id, first, last)
        headings = [r.start for r in rows if tenure_heading(text[r.start : r.end])]
        own = item.heading.start
        wanted = [h for h in headings if h > own] if later else [h for h in headings if h < own]
        if not wanted:
            return None
        heading = wanted[0] if later else wanted[-1]
        for index, row in enumerate(rows):
            if row.start <= heading:
                continue
            found = self._from_row(
                item.document, item.rank, item.passage_score, text, rows[: index + 1], vectors
            )
            if found is None or found.heading is None:
                continue
            if found.heading.start != heading or tenure_heading(found.text):
                return None  # the section under that heading holds no sentence
            found.document_stems = item.document_stems
            found.document_headings = item.document_headings
            found.topics_of = item.topics_of
            return found
        return None

    def _hanging(
        self,
        source: Candidate,
        lead_start: int,
        rows: list[StoredSentence],
        vectors: dict[int, np.ndarray | None],
        text: str,
    ) -> list[Candidate]:
        """The run of rows below the lead-in line starting at `lead_start` that hang from
        it, as candidates of `source`'s document and passage (a short item read as the
        heading of the full-sentence item after it is still an item of the list)."""
        items: list[Candidate] = []
        starts = {lead_start}
        for index, row in enumerate(rows):
            if row.start <= lead_start:
                continue
            found = self._from_row(
                source.document, source.rank, source.passage_score, text, rows[: index + 1], vectors
            )
            opens = found is not None and found.text.rstrip().endswith(":")  # a list of its own
            if found is None or found.heading is None or found.heading.start not in starts or opens:
                if items:
                    break  # the list has ended
                continue
            starts.add(found.sentence.start)
            found.document_stems = source.document_stems
            found.document_headings = source.document_headings
            found.topics_of = source.topics_of
            items.append(found)
        return items

    def _candidate(
        self,
        hit: SearchHit,
        rank: int,
        text: str,
        upto: list[StoredSentence],
        vectors: dict[int, np.ndarray | None],
    ) -> Candidate | None:
        """The last sentence of `upto` as a candidate of a retrieved passage."""
        passage_score = float(hit.dense_score or 0.0)
        return self._from_row(hit.document, rank, passage_score, text, upto, vectors)

    def _from_row(
        self,
        document: DocumentRecord,
        rank: int,
        passage_score: float,
        text: str,
        upto: list[StoredSentence],
        vectors: dict[int, np.ndarray | None],
    ) -> Candidate | None:
        """The last sentence of `upto` as a candidate, or None when it is the title or a
        numbered heading. A short line in a run hanging from a line that ends with ":" is a
        list item, under that lead-in line; another short line is marked as a `line`: it
        answers only by its shape ("Author Jane Doe, Director" for "Who wrote …?")."""
        row = upto[-1]
        quote = text[row.start : row.end]
        lead = _lead_in(text, upto)
        line = lead is None and is_heading(quote, document.title)
        if line and (quote.strip() == document.title.strip() or _is_numbered_heading(quote)):
            return None
        if len(quote.split()) < (LIST_ITEM_WORDS if lead else self.min_words):
            return None
        previous = upto[-2] if len(upto) > 1 else None
        heading = lead or _heading_above(text, upto[:-1], document.title)
        speaker = _speaker(text, upto)
        return Candidate(
            document=document,
            sentence=row,
            text=quote,
            vector=vectors.get(row.ord),
            previous=_span(text, previous) if previous else None,
            heading=_span(text, heading) if heading else None,
            previous_vector=vectors.get(previous.ord) if previous else None,
            heading_vector=vectors.get(heading.ord) if heading else None,
            rank=rank,
            passage_score=passage_score,
            line=line,
            same_paragraph=previous is not None and previous.paragraph == row.paragraph,
            speaker=_span(text, speaker) if speaker and speaker != previous else None,
            namer=_span(text, namer) if (namer := _namer(text, upto)) else None,
        )


def is_heading(quote: str, title: str) -> bool:
    """Titles and short unpunctuated lines name a subject; they state nothing. A name with
    a note in brackets ("Jane Doe (April 2012 - July 2013)") heads what follows too."""
    if quote.strip() == title.strip():
        return True
    if _is_numbered_heading(quote) or _NAME_WITH_NOTE.fullmatch(quote.strip()):
        return True
    return len(quote.split()) <= HEADING_WORDS and not quote.rstrip().endswith(_CLOSES)


def tenure_heading(line: str) -> bool:
    """A name with dates in brackets ("Jane Doe (April 2012 - July 2013)"): one holder's
    section of a page telling a post's holders in turn."""
    found = _NAME_WITH_NOTE.fullmatch(line.strip())
    if found is None or not find_dates(line[line.find("(") :]):
        return False
    return bool(people_in(line[: line.find("(")]))  # a person's name, not "Annual Report"


def _is_numbered_heading(quote: str) -> bool:
    """A contents line or numbered heading ("Brief Facts of the Case 5."): title-case words
    before a section or page number."""
    numbered = _SECTION_NUMBER.search(quote)
    if numbered is None:
        return False
    words = quote[: numbered.start()].split()
    content = [w for w in words if len(w) > 3]
    return 0 < len(words) <= HEADING_WORDS and all(w[0].isupper() for w in content)


def _heading_above(text: str, above: list[StoredSentence], title: str) -> StoredSentence | None:
    """The nearest heading line above a sentence (not the document's own title)."""
    for row in reversed(above):
        quote = text[row.start : row.end]
        if ADDRESS_LINE.match(quote):
            continue  # "Source: https://…": where the page was saved from, heading nothing
        if is_heading(quote, "") and quote.strip() != title.strip() and not dated_entry(quote):
            return row
    return None


def dated_entry(line: str) -> bool:
    """A timeline's entry ("Feb 2009: Council served with a notice"): a date, a colon and what
    happened then. It states a fact of its own; it heads nothing below it."""
    found = find_dates(line[:40])
    first = found[0] if found else None
    return (
        first is not None
        and not line[: first.start].strip()
        and bool(_ENTRY_AFTER.match(line, first.end))
    )


_ENTRY_AFTER = re.compile(r"\s*[:–—-]\s+\w")


def _lead_in(text: str, upto: list[StoredSentence]) -> StoredSentence | None:
    """The line ending with ":" that a run of list items hangs from: items are short lines,
    or lines ending as items do (";", ",", "and"); a full sentence above ends the run, and
    a line that itself ends with ":" opens something new ("Jane Doe, the director, said:")."""
    last = upto[-1]
    if text[last.start : last.end].rstrip().endswith(":"):
        return None
    for row in reversed(upto[:-1][-LIST_RUN:]):
        quote = text[row.start : row.end].rstrip()
        if quote.endswith(":"):
            return row
        if not (is_heading(quote, "") or _ITEM_END.search(quote)):
            return None
    return None


def _speaker(text: str, upto: list[StoredSentence]) -> StoredSentence | None:
    """Who speaks a sentence of a quotation that runs on over paragraphs: a paragraph that
    opens with a quotation mark and names no speaker continues the quotation above it, so
    the sentence naming the speaker ("Jane Doe, the director, said: “…") is found in the
    first paragraph of the run."""
    paragraphs: list[list[StoredSentence]] = []
    for row in upto:
        if paragraphs and paragraphs[-1][0].paragraph == row.paragraph:
            paragraphs[-1].append(row)
        else:
            paragraphs.append([row])
    own = paragraphs[-1]
    if not _opens_quoted(text, own[0]) or any(_attributes(text, r) for r in own):
        return None
    for paragraph in reversed(paragraphs[:-1][-QUOTE_RUN:]):
        said = [r for r in paragraph if _attributes(text, r)]
        if said:
            return said[0]
        if not _opens_quoted(text, paragraph[0]):
            return None
    return None


_TITLES = "Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady"
_TITLED_SURNAME = re.compile(rf"\b(?:{_TITLES})\.?\s+([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
"""A person called by title and surname alone ("Cllr Doe", "Mr Roe")."""
_NOT_GIVEN_NAMES_TEXT = """
    The A An When Then If As But And After Before While Since So This That Her His Their Its
    Our Officer Minister Director Inspector Chair Leader Member Councillor
"""
_NOT_GIVEN_NAMES = frozenset(_NOT_GIVEN_NAMES_TEXT.split())
"""Capitalised words before a surname that are no given name ("When Doe arrived")."""


def _namer(text: str, upto: list[StoredSentence]) -> StoredSentence | None:
    """The nearest sentence above that names in full ("Cllr Jane Doe") someone the last
    sentence calls only by title and surname ("Cllr Doe"), or only "he" or "she" as the one
    who acts ("He highlighted …", "…, she said"): who that is."""
    quote = text[upto[-1].start : upto[-1].end]
    surnames = [m.group(1) for m in _TITLED_SURNAME.finditer(quote)]
    for surname in surnames:
        full = re.compile(rf"\b(?!(?:{_TITLES})\b)([A-Z][a-z'’-]+)\s+{re.escape(surname)}\b")
        if any(m.group(1) not in _NOT_GIVEN_NAMES for m in full.finditer(quote)):
            continue
        for row in reversed(upto[:-1]):
            found = full.finditer(text[row.start : row.end])
            if any(m.group(1) not in _NOT_GIVEN_NAMES for m in found):
                return row
    acting = _ACTING_PRONOUN.search(quote)
    if acting is None:
        return None
    pronoun = "he" if acting.group(1).lower() == "he" else "she"
    return _last_naming(text, upto[:-1][-PRONOUN_REACH:], pronoun)


_ACTING_PRONOUN = re.compile(r"(?:^\W*|[,;:]\s+|\b(?:and|but)\s+)(he|she)\b(?!['’])", re.I)
"""A "he" or "she" opening the sentence or a clause: the subject, named somewhere above."""
PRONOUN_REACH = 3
"""How many sentences above a "he" or "she" may look for whom it stands for."""


def _last_naming(text: str, above: list[StoredSentence], pronoun: str) -> StoredSentence | None:
    """The nearest of the sentences that names in full a person the page does not mark as
    of the other sex ("she" is not "Mr Roe")."""
    window = text[above[0].start : above[-1].end] if above else ""
    for row in reversed(above):
        people = people_in(text[row.start : row.end])
        if any(sex_of(p, window) in (None, pronoun) for p in people):
            return row
    return None


def _opens_quoted(text: str, row: StoredSentence) -> bool:
    return text[row.start : row.end].lstrip().startswith(_OPENING_QUOTES)


def _attributes(text: str, row: StoredSentence) -> bool:
    """The sentence names who speaks: a verb of saying beside a quotation mark or colon."""
    quote = text[row.start : row.end]
    return bool(_ATTRIBUTION.search(quote)) and (
        ":" in quote or any(mark in quote for mark in _OPENING_QUOTES)
    )


def speaks(candidate: Candidate, names: tuple[str, ...]) -> bool:
    """The sentence is a quotation, and it or the line introducing it says that the one
    `names` picks out speaks it ("Jane Doe said: “…”")."""
    if not names:
        return False
    introducing = [s for s in (candidate.speaker, candidate.heading, candidate.previous) if s]
    quoted = any(mark in candidate.text for mark in _OPENING_QUOTES) or any(
        _attributes_line(s.text) for s in introducing
    )
    wanted = {name.lower() for name in names}
    return quoted and any(
        _ATTRIBUTION.search(line) and wanted <= set(re.findall(r"\w+", line.lower()))
        for line in [candidate.text, *(s.text for s in introducing)]
    )


def _attributes_line(line: str) -> bool:
    """A line introducing a quotation by who says it ("Jane Doe, the director, said:")."""
    return bool(_ATTRIBUTION.search(line)) and line.rstrip().endswith(":")


def _span(text: str, row: StoredSentence) -> Span:
    return Span(text[row.start : row.end], row.start, row.end)


_BACK_REFERENCES = frozenset(
    "these this those they them their it its he his him she her such".split()  # noqa: SIM905
)
REFERENCE_REACH = 4
"""A sentence whose first words point back ("Ten of these …") is read with the one before."""


def continues_quote(sentence: str, before: str) -> bool:
    """The sentence opens a quotation the one before attributes ("Jane Doe said: “…" then
    "“For that we are sorry."): its speaker is named there."""
    opens = sentence.lstrip().startswith(_OPENING_QUOTES)
    return opens and bool(_ATTRIBUTION.search(before)) and ":" in before


_OWN_TIMES = frozenset(
    "week month year morning afternoon evening spring summer autumn winter".split()  # noqa: SIM905
)
"""After "this", a time of the record's own ("This week, …"), not the sentence before."""


def refers_back(sentence: str) -> bool:
    """The sentence opens by pointing at the one before: its facts are about that one's."""
    opening = [w.strip(",.;:“”\"'").lower() for w in sentence.split()[: REFERENCE_REACH + 1]]
    return any(
        word in _BACK_REFERENCES and not (word == "this" and after in _OWN_TIMES)
        for word, after in zip(opening[:REFERENCE_REACH], [*opening[1:], ""], strict=False)
    )

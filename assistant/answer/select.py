"""Decide: which candidate sentences answer, or that none does (one score, one threshold)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from assistant.answer.candidates import (
    Candidate,
    CandidateReader,
    Span,
    continues_quote,
    refers_back,
    speaks,
    tenure_heading,
)
from assistant.answer.demands import asks_predecessor, asks_successor, unmet
from assistant.answer.glossary import Glossary, expansions, with_synonyms
from assistant.answer.intent import (
    COUNCIL_STEMS,
    SHAPED,
    body_stems,
    denied_grades,
    first_names,
    given_names,
    grades_in,
    judged_grades,
    names_author,
    offices_asked,
    person_stems,
)
from assistant.answer.models import Context, Evidence
from assistant.answer.periods import (
    Dated,
    counts_from,
    dated,
    in_period,
    latest,
    precision_of,
    relative_phrase,
    since_bounds,
    years_in,
)
from assistant.answer.question import AUTHORING, DOCUMENTS, PRECISION, Question, asks_its_date
from assistant.answer.scoring import (
    Model,
    Query,
    context_only,
    coverage,
    default_model,
    features,
    page_names,
    record_words,
)
from assistant.answer.soft import WordVectors, softly_held
from assistant.answer.tokens import stem, stems, words
from index import (
    SearchHit,
    Store,
    date_bounds,
    dated_spans,
    find_dates,
    spelt_out,
    vocabulary,
    year_in_name,
)

NAMED = frozenset({"person", "agent", "body", "role", "date"})
"""Answer types a heading-like line may answer by itself ("Author Jane Doe, Director")."""
COMMON_NAME_SHARE = 0.2
"""A name in this share of passages or more (e.g. the council's own name) is not required."""
LEAD_COVERAGE = 0.5
"""A list's lead-in line or a section's heading holding this share of what a list or
summary question asks (its words other than names) answers it with its items."""

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class SelectionRules:
    """Limits of selection; the threshold itself lives in the fitted model."""

    max_sentences: int = 3
    list_sentences: int = 8
    hits_read: int = 8
    close: float = 0.15  # others are quoted when their probability is this close to the best
    day_first: bool = True


@dataclass
class Selection:
    """The chosen evidence, the deciding score, and why nothing was chosen when that happens."""

    chosen: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    off_period: list[Evidence] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    nothing_asked: bool = False
    passages_read: int = 0
    scored: list[Candidate] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)  # parts of the question no quote answers
    best: Evidence | None = None  # the best-scoring sentence, chosen or not


SAME_COUNT = 0.8
"""Word cosine at which a noun counts what the question counts ("people"/"individuals"
0.82, "children"/"kids" 0.88); nouns of another thing sit lower ("months"/"years" 0.73,
"inspectors"/"inspections" 0.77, "days"/"weeks" 0.64)."""


class EvidenceSelector:
    """Scores the sentences of the top passages in context and keeps those that answer."""

    def __init__(
        self,
        store: Store,
        rules: SelectionRules | None = None,
        *,
        model: Model | None = None,
        embed: Embed | None = None,
    ) -> None:
        self.store = store
        self.rules = rules or SelectionRules()
        self.model = model
        self.embed = embed
        self.reader = CandidateReader(store)
        self.word_vectors = WordVectors(store, embed)

    def select(
        self, question: Question, vector: np.ndarray, hits: list[SearchHit], passages: int
    ) -> Selection:
        """Sentences that hold the question's meaning, names, type and period, best first."""
        selection = Selection()
        if not question.terms and not question.periods and not question.record_periods:
            selection.nothing_asked = True
            return selection
        total = max(passages, 1)
        share = {n: self.store.term_frequency(n.lower()) / total for n in question.names}
        given = first_names(question.text)
        selection.unknown_names = [
            n
            for n, s in share.items()
            if s == 0 and stem(n) not in COUNCIL_STEMS and not _SHORT_FORM.fullmatch(n)
        ]  # "Northtown County Council" on pages saying only "Northtown" is known
        spelt = self._spelt_out(selection.unknown_names, hits)
        selection.unknown_names = [n for n in selection.unknown_names if n not in spelt]
        if selection.unknown_names:
            return selection
        short = {n for n in share if _SHORT_FORM.fullmatch(n)}  # "HM Inspector": a title
        required = {
            stem(n) for n, s in share.items() if s < COMMON_NAME_SHARE and (s or n not in short)
        }
        required -= given_names(question.text)  # "Cllr Lawrence" names Les Lawrence
        pairs = expansions({**self.store.acronyms(), **spelt})
        asked = frozenset(w.lower() for _, _, w in words(question.text))
        query = Query(
            vector,
            self._weights(question, total),
            question.kind,
            pairs,
            asked=asked,
            unit=question.unit,
            day_first=self.rules.day_first,
            names=frozenset(required),
            common=frozenset(stem(n) for n in share) - frozenset(required),
            people=person_stems(question.text),
            first_names=given,
            bodies=body_stems(question.text),
            offices=offices_asked(question.text),
            sourced=question.source_terms,
            authoring=question.authoring,
            action=question.action,
        )
        read = hits[: self.rules.hits_read]
        selection.passages_read = len(read)
        candidates = self.reader.read(read)
        self._fill_vectors(candidates)
        query = self._with_words(query, question, candidates)
        model = self.model or default_model()
        kept: list[tuple[Candidate, Evidence]] = []
        for candidate in candidates:
            admitted = self._admissible(question, candidate, required, pairs, query)
            if admitted is None:
                continue
            evidence, timely = admitted
            candidate.features = features(query, candidate, len(read))
            candidate.score = model.probability(candidate.features)
            if timely:
                kept.append((candidate, _with_score(evidence, candidate)))
            elif candidate.score >= model.threshold:  # would answer, but for another period
                selection.off_period.append(_with_score(evidence, candidate))
        if question.periods:
            kept = _placed_first(kept, model.threshold, question, _timelines(candidates))
        selection.scored = [c for c, _ in kept]
        ranked = sorted(kept, key=lambda pair: -pair[0].score)
        if ranked:
            selection.confidence = ranked[0][0].score
            selection.best = ranked[0][1]
        led: list[Evidence] = []
        if question.kind in ("list", "summary"):
            led = self._led_list(question, candidates, required, pairs, query)
        adjacent = self._adjacent_holder(question, candidates, query.people, model.threshold)
        if led:
            selection.chosen = led
            selection.confidence = max(selection.confidence, model.threshold)
        elif adjacent is not None:  # the page's order of tenures tells who came next
            selection.chosen = [adjacent]
            selection.confidence = max(selection.confidence, model.threshold)
        elif own := _of_record_dated(question, ranked, model.threshold):
            selection.chosen = [own[1]]  # "When was the statement … issued?": its own date
            selection.confidence = max(selection.confidence, model.threshold)
        elif ranked and ranked[0][0].score >= model.threshold:
            best = ranked[0][0]
            listed = self._listed_near(question, ranked, pairs, query, model.threshold)
            if listed:
                selection.chosen = listed
            elif _asks_for_the_list(question, best, query):
                selection.chosen = self._whole_list(question, best, pairs, query)
            else:
                selection.chosen = self._choose(question, ranked, model.threshold, query)
        return selection

    def _adjacent_holder(
        self, question: Question, candidates: list[Candidate], people: frozenset[str], least: float
    ) -> Evidence | None:
        """Who followed (or preceded) someone in a post, on a page telling its holders in turn
        under tenure headings ("Jane Doe (2010 - 2012)"): the first sentence under the heading
        after (or before) the one naming them, quoted with that heading."""
        later = asks_successor(question.text)
        if not people or not (later or asks_predecessor(question.text)):
            return None
        for candidate in candidates:
            heading = candidate.heading
            if heading is None or not tenure_heading(heading.text):
                continue
            if not people <= stems(heading.text):
                continue
            after = self.reader.adjacent_tenure(candidate, later=later)
            if after is None or after.heading is None:
                continue
            day_first = self.rules.day_first
            when = dated(after.text, after.heading.text, after.document.date, day_first)
            if question.periods and not in_period(question.periods, when):
                continue
            after.score = least
            own = when.source == "sentence"
            return Evidence(
                document=after.document,
                quote=after.text,
                start=after.sentence.start,
                end=after.sentence.end,
                page=after.sentence.page,
                score=least,
                coverage=0.0,
                dates=when.dates if own else (),
                precisions=when.precisions if own else (),
                date_source=when.source,
                context=Context("heading", *_parts(after.heading)),
                vector=after.vector,
            )
        return None

    def _spelt_out(self, names: list[str], hits: list[SearchHit]) -> dict[str, str]:
        """Acronyms the question uses that no record writes, each spelt out by a name in a
        document found ("the NCA" of a page naming the Northtown Carers Association)."""
        short = [n for n in names if _ACRONYM.fullmatch(n)]
        readings: dict[str, dict[frozenset[str], str]] = {n: {} for n in short}
        documents = dict.fromkeys(hit.document.id for hit in hits[: self.rules.hits_read])
        for doc_id in documents if short else ():
            text = self.store.text(doc_id)
            for name in short:
                long = spelt_out(name, text)
                if long:
                    readings[name].setdefault(frozenset(stems(long)), long)
        # one reading only: pages spelling it two ways leave it unknown
        return {n: next(iter(r.values())) for n, r in readings.items() if len(r) == 1}

    def _led_list(
        self,
        question: Question,
        candidates: list[Candidate],
        required: set[str],
        pairs: Glossary,
        query: Query,
    ) -> list[Evidence]:
        """For a list or summary question: the list or section whose lead-in line or heading
        itself names what is asked ("Improvements made in the last year include:" for
        "Summarise the improvements made in the last year", "2. Key findings" for "What
        were the key findings?"), its items or sentences in text order."""
        best: Candidate | None = None
        most = LEAD_COVERAGE
        seen: set[tuple[str, int]] = set()
        graded = set()  # what the items give, not the lead; unless what they do not give
        if not denied_grades(question.text):
            graded = stems(" ".join(grades_in(question.text)))
        weights = {t: w for t, w in query.predicate_weights.items() if t not in graded}
        placed = {(c.document.id, c.sentence.start): c for c in candidates}
        for candidate in candidates:
            lead = candidate.heading
            if lead is None or (candidate.document.id, lead.start) in seen or _fragment(lead):
                continue
            seen.add((candidate.document.id, lead.start))
            lead_text = _lead_text(lead, placed.get((candidate.document.id, lead.start)))
            own = with_synonyms(stems(lead_text), pairs)
            own |= query.sourced & record_words(candidate)  # "listed in the press release"
            around = own | with_synonyms(stems(candidate.context_text), pairs)
            if not _held_by_page(_unheld(required, candidate, around, query), candidate, query):
                continue
            when = dated(lead.text, None, candidate.document.date, self.rules.day_first)
            if question.periods and not in_period(question.periods, when):
                continue
            held = coverage(weights, own) if weights else 0.0
            if held >= most:
                best, most = candidate, held
        if best is None:
            return []
        best.score = max(best.score, (self.model or default_model()).threshold)
        items = self.reader.list_items(best, self.rules.list_sentences, section=True)
        return self._items(question, best, items, pairs, query)

    def _whole_list(
        self, question: Question, best: Candidate, pairs: Glossary, query: Query
    ) -> list[Evidence]:
        """Every item of the best item's list, in text order, each worth the best's score."""
        items = self.reader.list_items(best, self.rules.list_sentences)
        return self._items(question, best, items, pairs, query)

    def _listed_near(
        self,
        question: Question,
        ranked: list[tuple[Candidate, Evidence]],
        pairs: Glossary,
        query: Query,
        threshold: float,
    ) -> list[Evidence]:
        """The items of the first list introduced by a sentence that would answer and scores
        close to the best (a list question wants a list: "Which areas were judged
        inadequate?" is answered by the report's judgements, not by a later page recalling
        the grade)."""
        best = ranked[0][0].score
        for candidate, _ in ranked:
            if candidate.score < max(threshold, best - self.rules.close):
                break
            listed = self._introduced(question, candidate, pairs, query)
            if listed:
                return listed
        return []

    def _introduced(
        self, question: Question, best: Candidate, pairs: Glossary, query: Query
    ) -> list[Evidence]:
        """For a list question whose best sentence introduces a list ("… the following
        areas:"), the list's items, each worth the best's score; those giving the grade the
        question asks about, when it asks one ("Which areas were judged inadequate?")."""
        if question.kind not in ("list", "summary"):
            return []
        items = self.reader.items_below(best, self.rules.list_sentences)
        return self._items(question, best, items, pairs, query)

    def _items(
        self,
        question: Question,
        best: Candidate,
        items: list[Candidate],
        pairs: Glossary,
        query: Query,
    ) -> list[Evidence]:
        """The admissible items (of the grade asked about, if any give it), each worth the
        best's score."""
        chosen: list[Evidence] = []
        for item in _of_grade(question, items):
            admitted = self._admissible(question, item, set(), pairs, query, item=True)
            if admitted is not None:
                item.score = best.score
                chosen.append(_with_score(admitted[0], item))
        return chosen

    def _admissible(
        self,
        question: Question,
        candidate: Candidate,
        required: set[str],
        pairs: Glossary,
        query: Query,
        *,
        item: bool = False,
    ) -> tuple[Evidence, bool] | None:
        """The candidate as evidence when it (or its context) holds the uncommon names and
        the answer's shape (a person, a date, a figure); with whether it is in the period.
        An `item` of a list answering is admitted though it is a short line."""
        named = question.kind in NAMED and query.shaped(candidate.text)
        if candidate.line and not (named or item):
            return None  # a heading states nothing, unless it names who or when is asked
        own = with_synonyms(stems(candidate.text), pairs)
        around = own | with_synonyms(stems(candidate.context_text), pairs)
        if not _held_by_page(_unheld(required, candidate, around, query), candidate, query):
            return None
        if question.kind in SHAPED and not _shape_at_hand(candidate, own, query):
            return None
        given = grades_in(candidate.text)
        if given and given <= denied_grades(question.text):
            return None  # "which area was not rated good?": not one rated good
        judged = judged_grades(question.text)
        if judged and not judged & (given | grades_in(candidate.context_text)):
            return None  # "how many were judged outstanding?": not those judged inadequate
        maker_asked = question.authoring and question.kind in _WHO_HOLDS
        if maker_asked and not _tells_maker(candidate):
            return None  # "Who wrote the review?": not a sentence that only mentions it
        if unmet(question.text, candidate.text, around):
            return None  # "What will the commissioner do?": not who was put in place
        if not all(_names_office(office, candidate, pairs) for office in query.offices):
            return None  # "who was the director": a person named without the office
        if not _of_record_asked(question, candidate):
            return None  # "in the March 2010 statement": another record
        day_first = self.rules.day_first
        heading = candidate.heading.text if candidate.heading else None
        before = (
            candidate.previous.text if candidate.previous and candidate.same_paragraph else None
        )
        when = dated(candidate.text, heading, candidate.document.date, day_first, before)
        evidence = Evidence(
            document=candidate.document,
            quote=candidate.text,
            start=candidate.sentence.start,
            end=candidate.sentence.end,
            page=candidate.sentence.page,
            score=0.0,
            coverage=0.0,
            dates=when.dates if when.source == "sentence" else (),
            precisions=when.precisions if when.source == "sentence" else (),
            date_source=when.source,
            context=_context(question, candidate, required, own, query),
            vector=candidate.vector,
        )
        if when.source == "paragraph" and evidence.context is None and candidate.previous:
            # the answer shows the sentence its date comes from
            evidence = replace(evidence, context=Context("previous", *_parts(candidate.previous)))
        above = candidate.heading
        lead_in = above is not None and above.text.rstrip().endswith(":")
        if evidence.context is None and above and (when.source == "heading" or lead_in):
            # the answer says where its date comes from, or what a list item belongs to
            evidence = replace(evidence, context=Context("heading", *_parts(above)))
        bounds = since_bounds(candidate.text, day_first) if question.asks_number else []
        counted = counts_from(question.periods, bounds)
        if counted is not None:  # "how many since 2009?": a count since 2006 is another count
            placed = replace(
                evidence,
                dates=tuple(bounds),
                precisions=tuple(precision_of(b) for b in bounds),
                date_source="sentence",
            )
            return placed, counted
        if when.source != "none":
            timely = (
                in_period(question.periods, when)
                or _reports_record(question, candidate, when)
                or _in_post_by_then(question, candidate, when)
            )
            return evidence, timely
        years = years_in(candidate.document_stems)  # an undated page: the years it names
        file_year = _year_named(candidate) if question.kind in _WHO_HOLDS else None
        if file_year is not None and file_year not in years:
            if _mentions_period(question, frozenset({file_year})):
                evidence = replace(evidence, date_source="file")  # "…-2019.txt", of 2019
            years = years | {file_year}
        elif not years:
            evidence = replace(evidence, date_source="nowhere")  # the page names no year
        if question.periods and relative_phrase(candidate.text, day_first):
            evidence = replace(evidence, date_source="relative")
            return evidence, _not_before(question, years)
        return evidence, _mentions_period(question, years)

    def _choose(
        self,
        question: Question,
        ranked: list[tuple[Candidate, Evidence]],
        threshold: float,
        query: Query,
    ) -> list[Evidence]:
        """The best sentence and others nearly as good; a list takes its best section."""
        best = ranked[0][0]
        if question.kind in ("list", "summary"):
            return _section(ranked, best, self.rules.close, self.rules.list_sentences)
        if question.kind not in NAMED:
            ranked = _openers_led_on(ranked, threshold)
            if _asks_only_what_was_said(question):
                ranked = _spoken_by(ranked, question.names, threshold)
            best = ranked[0][0]
        if question.asks_latest:
            close = [e for c, e in ranked if c.score >= best.score - self.rules.close]
            return [max(close, key=lambda e: (bool(e.dates), latest(e.dates, None), e.score))]
        chosen: list[Evidence] = []
        directness: dict[int, float] = {}
        for candidate, evidence in ranked:
            if len(chosen) >= self.rules.max_sentences:
                break
            if candidate.score < max(threshold, best.score - self.rules.close):
                break
            if not any(_repeats(evidence, c) for c in chosen):
                chosen.append(evidence)
                directness[id(evidence)] = _directness(candidate, query)
        if question.asks_when and any(_says_when(e) for e in chosen):
            chosen = [e for e in chosen if _says_when(e)]  # "when …?": those that say when
            chosen = [e for e in chosen if not _dates_other_events(e, query)]
        return _unnamed_when_quoted(sorted(chosen, key=lambda e: -directness[id(e)]))

    def _with_words(self, query: Query, question: Question, candidates: list[Candidate]) -> Query:
        """The query with its terms' word vectors and the candidates' (for soft matching)."""
        terms = {
            term: word.lower()
            for term, word in zip(question.terms, question.term_words, strict=True)
            if term in query.predicate_weights
        }
        asked = self.word_vectors.of(set(terms.values()), encode_missing=True)
        texts = " \n".join(f"{c.text} \n{context_only(c)}" for c in candidates)
        lexicon = self.word_vectors.of(vocabulary(texts))
        term_vectors = {term: asked[word] for term, word in terms.items() if word in asked}
        unit = self._counted_alike(query.unit, question, lexicon)
        return replace(query, term_vectors=term_vectors, lexicon=lexicon, unit=unit)

    def _counted_alike(
        self, unit: str | None, question: Question, lexicon: Mapping[str, np.ndarray]
    ) -> str | None:
        """A count's unit with the candidates' nouns that mean what is counted: "how many
        people" is answered by "30 individuals", "how many children" by "kids"."""
        if unit is None or not unit.startswith("count:"):
            return unit
        nouns = unit.removeprefix("count:").split(",")
        counted = {w.lower() for w in question.term_words if stem(w) in nouns}
        vectors = list(self.word_vectors.of(counted, encode_missing=True).values())
        if not vectors or not lexicon:
            return unit
        listed = list(lexicon)
        closeness = np.stack([lexicon[w] for w in listed]) @ np.stack(vectors).T
        close = closeness.max(axis=1) >= SAME_COUNT
        alike = [stem(w) for w, near in zip(listed, close, strict=True) if near]
        return "count:" + ",".join(dict.fromkeys([*nouns, *alike]))

    def _weights(self, question: Question, total: int) -> dict[str, float]:
        """Rarer terms weigh more (a smoothed inverse passage frequency); the verb asked
        about ("What did inspectors find?") weighs as much as the rarest term: a common
        verb is still what the question asks."""
        weights = {
            term: math.log(1 + (total + 1) / (self.store.term_frequency(word.lower()) + 1))
            for term, word in zip(question.terms, question.term_words, strict=True)
        }
        if question.action in weights:
            weights[question.action] = max(weights.values())
        return weights

    def _fill_vectors(self, candidates: list[Candidate]) -> None:
        """Embed sentences an older index stored no vector for (once, in one call)."""
        missing = [c for c in candidates if c.vector is None]
        if not missing or self.embed is None:
            return
        for candidate, vector in zip(missing, self.embed([c.text for c in missing]), strict=True):
            candidate.vector = vector


def _reports_record(question: Question, candidate: Candidate, when: Dated) -> bool:
    """A page dated in the year that names the record asked about ("the 2014 review")
    reports that record, though its sentence dates something else of it ("commissioned
    last November"); a later page naming that year may report it too, in a sentence giving
    no date."""
    periods, day = question.periods, candidate.document.date
    if not periods or not day or not all(p.names_record for p in periods):
        return False
    years = years_in(candidate.document_stems)
    named = all(any(int(p.start[:4]) <= y <= int(p.end[:4]) for y in years) for p in periods)
    if when.source != "sentence" and named and all(day >= p.start for p in periods):
        return True  # "the 2013 review": a 2016 page naming 2013, on the toddler it was about
    return in_period(periods, Dated((day,), (precision_of(day),), "document"))


def _in_post_by_then(question: Question, candidate: Candidate, when: Dated) -> bool:
    """Someone who took up a post before the period asked, on a page of that period or
    later (an undated one naming it) that tells of no leaving, still held it then: "…
    took up an interim position in July 2015 before her permanent appointment in March
    2016" answers who was director at the 2017 inspection."""
    if question.kind not in _WHO_HOLDS or not question.periods or not when.dates:
        return False
    if not _TAKING_UP.search(candidate.text) or _LEAVING.search(candidate.text):
        return False
    began = max(date_bounds(d)[1] for d in when.dates)
    if not all(began <= p.end for p in question.periods):
        return False
    day = candidate.document.date
    if day:
        return all(day >= p.start for p in question.periods)
    return _mentions_period(question, years_in(candidate.document_stems))  # tells of then


_TAKING_UP = re.compile(
    r"\b(?:took up|takes up|appointed|appointment|became|joined|started|taking up)\b", re.I
)
"""Words of coming into a post."""
_LEAVING = re.compile(
    r"\b(?:left|leaves|leaving|resigned|resigns|quit|retired|stepped down|until|departed|"
    r"replaced|succeeded by|former|formerly)\b",
    re.I,
)
"""Words of going out of a post: the sentence may tell of a tenure that ended."""


_WHO_HOLDS = frozenset({"person", "agent", "body", "role"})
"""Questions of who holds a post or does a thing: an undated page's file name may place
them in its year (a page's figures and grades may be older than the page; its people's
posts are as the page gives them)."""


def _of_record_dated(
    question: Question, ranked: list[tuple[Candidate, Evidence]], threshold: float
) -> tuple[Candidate, Evidence] | None:
    """When no sentence answers a question asking when a record came out, the record it names
    by its title does ("When was the statement after the sentencing issued?" of "Statement
    following sentencing …"): its date answers, quoted with its best sentence."""
    if not question.asks_when or (ranked and ranked[0][0].score >= threshold):
        return None
    return next(
        (
            pair
            for pair in ranked
            if pair[0].document.date and asks_its_date(question, pair[0].document.title)
        ),
        None,
    )


def _year_named(candidate: Candidate) -> int | None:
    """The year an undated page's file name gives ("northtown-trust-2019.txt"): for a who
    question, the page speaks of that year as of those its text names."""
    source = candidate.document.source
    year = year_in_name(Path(source)) if source else None
    return int(year) if year else None


def _openers_led_on(
    ranked: list[tuple[Candidate, Evidence]], threshold: float
) -> list[tuple[Candidate, Evidence]]:
    """A line that opens what follows ("Jane Doe said:") says nothing by itself: the best
    sentence hanging from it that would answer too stands in its place (shown under it)."""
    led: list[tuple[Candidate, Evidence]] = []
    taken: set[int] = set()
    for pair in ranked:
        follower = _follower(pair[0], ranked, threshold) if _opens(pair[0]) else None
        chosen = follower or pair
        if id(chosen[0]) not in taken:
            taken.add(id(chosen[0]))
            led.append(chosen)
    return led


_SAYING = re.compile(r"\b(say|says|said|tell|told|add|added|comment|commented)\b", re.I)
"""A question asking what someone said: their own words answer it."""


def _asks_only_what_was_said(question: Question) -> bool:
    """ "What did Jane Doe say?": a verb of saying, and no word asked about but the speaker's
    name (with a word asked about, a sentence holding it answers, quoted or reported)."""
    named = {stem(name) for name in question.names}
    return bool(_SAYING.search(question.text)) and all(t in named for t in question.terms)


def _spoken_by(
    ranked: list[tuple[Candidate, Evidence]], names: tuple[str, ...], threshold: float
) -> list[tuple[Candidate, Evidence]]:
    """Only the quotations the named speaker says, when one of them would answer; a
    sentence about the speaker is not what they said."""
    spoken = [pair for pair in ranked if speaks(pair[0], names)]
    return spoken if any(c.score >= threshold for c, _ in spoken) else ranked


def _opens(candidate: Candidate) -> bool:
    """The sentence ends with a colon: it introduces a quotation or a list."""
    return candidate.text.rstrip().endswith(":")


def _follower(
    opener: Candidate, ranked: list[tuple[Candidate, Evidence]], threshold: float
) -> tuple[Candidate, Evidence] | None:
    """The best-ranked sentence at or over the threshold whose heading, speaker or previous
    sentence is `opener`."""
    for candidate, evidence in ranked:
        if candidate.document.id != opener.document.id or candidate.score < threshold:
            continue
        spans = (candidate.heading, candidate.speaker, candidate.previous)
        if any(span is not None and span.start == opener.sentence.start for span in spans):
            return candidate, evidence
    return None


def _says_when(evidence: Evidence) -> bool:
    """The sentence gives a date, or the sentence before it or its heading does (shown)."""
    return bool(evidence.dates) or evidence.date_source in ("heading", "paragraph")


_EVENT_NOUNS_TEXT = """
    murder murders death deaths killing killings trial trials birth conviction sentencing
    election elections appointment inspection inspections review reviews visit visits report
    reports retirement resignation launch publication hearing inquest meeting meetings
    arrest arrests
"""
_EVENT_NOUNS = frozenset(_EVENT_NOUNS_TEXT.split())
"""Nouns of events a date may belong to ("Jane Doe's murder in 2020")."""
EVENT_REACH = 6
"""How many words before a date are read for the event it belongs to."""
_DATE_LEAD = frozenset({"in", "on", "of", "the", "at", "during", "from", "since", "'s", "’s"})


def _dates_other_events(evidence: Evidence, query: Query) -> bool:
    """Every date the sentence gives belongs to an event the question does not ask about
    ("… in the wake of Jane Doe's murder in 2020" for "When did Ofsted inspect …?"): it
    says when something else happened."""
    text = evidence.quote
    spans = dated_spans(text, evidence.document.date, day_first=query.day_first)
    spans = [s for s in spans if s.precision]
    if not evidence.dates or not spans:
        return False
    asked = {t: 1.0 for t in query.weights}
    for span in spans:
        before = [w for _, _, w in words(text[: span.start])][-EVENT_REACH:]
        lead = [w for w in before if w.lower() not in _DATE_LEAD and not w[:1].isupper()]
        noun = lead[-1].lower() if lead else ""  # "the killing of Jane Doe, in 2008"
        if noun not in _EVENT_NOUNS:
            return False  # a date not tied to a named event: it may be the one asked about
        held = with_synonyms(stems(noun), query.pairs)
        rows = [query.lexicon[noun]] if noun in query.lexicon else []
        matrix = np.stack(rows) if rows else None
        if held & set(asked) or softly_held(asked, held, query.term_vectors, matrix):
            return False  # "the inspection in November 2022": the event asked about
    return True


def _directness(candidate: Candidate, query: Query) -> float:
    """How directly the sentence itself answers, its context aside: the answer's shape in
    the sentence, its meaning, and what it says of the names asked about (their other
    words, which the sentence holds itself)."""
    said = {t: w for t, w in query.weights.items() if t not in query.names}
    held = with_synonyms(stems(candidate.text), query.pairs)
    own = coverage(said, held) if said else 0.0
    return candidate.features.get("type", 0.0) + candidate.features.get("meaning", 0.0) + own


def _of_grade(question: Question, items: list[Candidate]) -> list[Candidate]:
    """The items giving the grade the question asks about ("Which areas were judged
    inadequate?"), when some do; else all of them. Asked which were not given a grade,
    those giving another grade, or none."""
    denied = denied_grades(question.text)
    if denied:
        return [i for i in items if grades_in(i.text) and not denied & grades_in(i.text)]
    asked = grades_in(question.text)
    graded = [i for i in items if asked & grades_in(i.text)]
    return graded or items


def _item(candidate: Candidate) -> bool:
    """An item of a list: it answers with its list."""
    return candidate.heading is not None and candidate.heading.text.rstrip().endswith(":")


def _asks_for_the_list(question: Question, best: Candidate, query: Query) -> bool:
    """The best sentence is a list item, and the question matches its lead-in ("… made
    recommendations including:") at least as well as the item itself: the list is asked for."""
    if not _item(best) or question.kind in SHAPED:
        return False
    lead = best.heading.text if best.heading else ""
    by_lead = coverage(query.weights, with_synonyms(stems(lead), query.pairs))
    by_item = coverage(query.weights, with_synonyms(stems(best.text), query.pairs))
    return by_lead > 0 and by_lead >= by_item


def _of_record_asked(question: Question, candidate: Candidate) -> bool:
    """A question naming its record's date ("the March 2010 statement") is answered from a
    record of that date (an undated one only if it names that year), whatever dates its
    sentences give."""
    if not question.record_periods:
        return True
    date = candidate.document.date
    if date is None:
        years = years_in(candidate.document_stems)
        return any(
            int(p.start[:4]) <= year <= int(p.end[:4])
            for year in years
            for p in question.record_periods
        )
    of_record = Dated((date,), (precision_of(date),), "document")
    return in_period(question.record_periods, of_record)


_OFFICE_SHORT = {
    "councillor": ("cllr",),
    "chief executive": ("ceo",),
    "minister": ("secretary of state", "under secretary", "under-secretary"),
    "inspector": ("hmi",),
}
"""How records shorten or formally title an office before a name ("Cllr Jane Doe", "the
Under Secretary of State, Jane Doe MP" for a minister)."""


_ACRONYM = re.compile(r"[A-Z]{2,6}")
"""An acronym a question may use where the records spell the name out."""
_SHORT_FORM = re.compile(r"[A-Z]{2}")
"""Two capitals ("HM"): a short form records may write out ("Her Majesty's"), no name a
question must find as written."""


def _names_office(office: str, candidate: Candidate, pairs: Glossary) -> bool:
    """The sentence or its context names the office: a word starting with it ("chaired" for
    "chair"; not "direct" for "director", which a stem would match), or an acronym
    standing for it ("DCS")."""
    text = f"{candidate.text} \n{candidate.context_text}"
    written = "|".join(re.escape(form) for form in (office, *_OFFICE_SHORT.get(office, ())))
    if re.search(rf"\b(?:{written})(?!s\b)", text, re.I):
        return True  # not "inspectors praising …": many, none of them named
    plain = stems(text)
    return stem(office) in with_synonyms(plain, pairs) - plain


def _tells_maker(candidate: Candidate) -> bool:
    """The sentence or its context says who made a record: a verb of making ("written",
    "carried out", "author") or the record "by" someone."""
    text = f"{candidate.text} \n{candidate.context_text}"
    said = {w.lower() for _, _, w in words(_LED_TO.sub(" ", text))}
    return bool(said & AUTHORING) or names_author(text, DOCUMENTS)


_LED_TO = re.compile(r"\b(?:lead|leads|led|leading)\s+to\b", re.I)
""""The review led to changes": a result, not who made the review."""


def _unheld(required: set[str], candidate: Candidate, around: set[str], query: Query) -> set[str]:
    """The required names the sentence and its context lack; a person's surname is held by
    their given name alone ("Sam's care" names Sam Roe, as pages call a child) on a
    page that gives the surname too."""
    text = f"{candidate.text} {candidate.context_text}"
    return {
        n
        for n in required - around
        if not (n in candidate.document_stems and _names_given(query.first_names.get(n), text))
    }


def _names_given(given: str | None, text: str) -> bool:
    """The given name stands alone ("Jane's", not "Jane Smith": another person)."""
    alone = rf"\b{re.escape(given or '')}\b(?!\s+(?-i:[A-Z]))"
    return given is not None and re.search(alone, text) is not None


def _held_by_page(names: set[str], candidate: Candidate, query: Query) -> bool:
    """Names the sentence and its context lack may be held by its page (a page about Devon
    need not say "Devon" in every sentence; one naming it once, in passing, is not about
    it), unless one is a person or part of a body's
    name ("the Safeguarding Children Board"), or heads another section of the page (a
    round-up of councils speaks of each under its own heading)."""
    if not names:
        return True
    names = names - COUNCIL_STEMS or names  # a page about Northtown is about its council too
    if not names <= page_names(candidate) - query.people - query.bodies:
        return False
    sectioned = names & candidate.document_headings
    heading = stems(candidate.heading.text) if candidate.heading else set()
    return sectioned <= heading


_OPENS_WITH_PRONOUN = re.compile(r"(?:they|it|this|these|he|she|we)\b", re.I)


def _fragment(lead: Span) -> bool:
    """A line opening in lower case ("no schools were judged inadequate") is an item of a
    list, not a heading naming a section."""
    first = lead.text.lstrip()[:1]
    return first.isalpha() and first.islower()


def _lead_text(lead: Span, read: Candidate | None) -> str:
    """A lead-in line's words, with the sentence before it when the line opens with a
    pronoun ("The panel acknowledges … They had three areas of concern:")."""
    if read is None or read.previous is None or not _OPENS_WITH_PRONOUN.match(lead.text):
        return lead.text
    return f"{read.previous.text} \n{lead.text}"


_SPEAKERS = frozenset({"person", "agent"})
"""What the sentence attributing a quotation lends the quotation: who says it (not the day
it was said, "Speaking after the meeting on Tuesday")."""

_PLACED = frozenset({"sentence", "paragraph", "heading"})
"""Where a date placing a sentence itself in time comes from (not its page's date)."""
_UNPLACED = frozenset({"none", "nowhere", "relative", "file"})
"""An undated page's sentence: in the period asked only because its page names the year."""


def _placed_first(
    kept: list[tuple[Candidate, Evidence]],
    threshold: float,
    question: Question,
    timelines: set[str],
) -> list[tuple[Candidate, Evidence]]:
    """Sentences placed in the period asked by their own date (or their paragraph's or
    heading's) outrank undated sentences that only share their page's mention of it. When
    a placed sentence would answer, undated pages' sentences do not: a later page recalling
    "two years after the 2017 inspection" against the 2017 report itself (for a year asked,
    the placed sentence's own page keeps its undated sentences: a report of that year speaks
    of it throughout). For a month or day asked, a page with an entry placed there answers
    from that entry or not at all: a timeline's entry headed "December 2006", not its
    opening lines; so does a timeline (`timelines`: entries under headings of two dates or
    more) for a year. For a month or day asked, a sentence giving a date in it that would
    answer puts out sentences whose own dates only span it (`_spans_only`)."""
    whole_year = all(p.precision < PRECISION["month"] for p in question.periods)
    answering = {
        c.document.id for c, e in kept if c.score >= threshold and e.date_source in _PLACED
    }
    entries = set() if whole_year else {c.document.id for c, e in kept if e.date_source in _PLACED}
    entries |= timelines  # a page of dated entries answers from an entry, for any period

    def stays(candidate: Candidate, evidence: Evidence) -> bool:
        if evidence.date_source not in _UNPLACED:
            return True
        page = candidate.document.id
        if page in entries:
            return False
        return not answering or (whole_year and page in answering)

    kept = [(c, e) for c, e in kept if stays(c, e)]
    if whole_year:
        return kept
    exact = [c for c, e in kept if c.score >= threshold and _dated_in(e, question)]
    return [(c, e) for c, e in kept if not _spans_only(c, e, exact, question)]


def _spans_only(
    candidate: Candidate, evidence: Evidence, exact: list[Candidate], question: Question
) -> bool:
    """The sentence is in the month or day asked only by a range spanning it, and another
    that gives a date in it would answer, holding as much of the question by itself."""
    if evidence.date_source != "sentence" or _dated_in(evidence, question):
        return False
    own = candidate.features.get("words", 0.0)
    return any(other.features.get("words", 0.0) >= own for other in exact)


def _dated_in(evidence: Evidence, question: Question) -> bool:
    """The sentence gives a date in the period asked, as precise as it ("in February 2009"
    for February 2009; not a range "July 2008 – July 2009" that only spans it)."""
    for value, precision in zip(evidence.dates, evidence.precisions, strict=False):
        first, last = date_bounds(value)
        for period in question.periods:
            if precision >= period.precision and first <= period.end and last >= period.start:
                return True
    return False


def _timelines(candidates: list[Candidate]) -> set[str]:
    """Pages whose sentences sit under headings giving two or more dates ("May 2008",
    "2014"): timelines, whose undated opening lines speak of no one period."""
    headed: dict[str, set[int]] = {}
    for candidate in candidates:
        heading = candidate.heading
        if heading is not None and find_dates(heading.text):
            headed.setdefault(candidate.document.id, set()).add(heading.start)
    return {page for page, headings in headed.items() if len(headings) > 1}


def _not_before(question: Question, years: frozenset[int]) -> bool:
    """A sentence of an undated page that dates itself by the page ("in June this year")
    may speak of any period from the latest year its page names on: the page was written
    then or later."""
    if not years or not question.periods:
        return True
    return any(int(p.end[:4]) >= max(years) for p in question.periods)


def _mentions_period(question: Question, years: frozenset[int]) -> bool:
    """An undated page may speak of the period asked about when it names one of its years,
    or when it names no year at all (then nothing places it elsewhere in time)."""
    if not years or not question.periods:
        return True
    return any(
        any(int(p.start[:4]) <= year <= int(p.end[:4]) for year in years) for p in question.periods
    )


def _shape_at_hand(candidate: Candidate, own: set[str], query: Query) -> bool:
    """The answer's shape is in the sentence, its heading, or the sentence before; the one
    before lends it when this sentence points back to it ("Ten of these …"), when it
    attributes the quotation this one opens (for who said it), or, for a figure or a
    grade, when this sentence matches the question better (else the one before is the
    better answer, a candidate of its own). A name or date the one before gives is of what
    that sentence is about."""
    if query.shaped(candidate.text):
        return True
    if candidate.heading is not None and query.shaped(candidate.heading.text):
        return True
    previous = candidate.previous
    if previous is None or not query.shaped(previous.text):
        return False
    if refers_back(candidate.text):
        return True  # "Ten of these have been implemented": its count is the one before's
    if query.kind in _SPEAKERS and continues_quote(candidate.text, previous.text):
        return True  # "Jane Doe said: …" then "“For that we are sorry.": she says it
    if query.kind in NAMED:
        return False  # a name the sentence before gives is of what that sentence is about
    lent = with_synonyms(stems(previous.text), query.pairs)
    return coverage(query.weights, own) > coverage(query.weights, lent)


def _section(
    ranked: list[tuple[Candidate, Evidence]], best: Candidate, close: float, most: int
) -> list[Evidence]:
    """Up to `most` sentences near the best one in its document that score nearly as well as
    it, in text order (an answer to "what were the outcomes?" runs across paragraphs and
    headings)."""
    same = [
        (c, e)
        for c, e in ranked
        if c.document.id == best.document.id
        and c.score >= best.score - close
        and abs(c.sentence.ord - best.sentence.ord) <= 2 * most
    ]
    kept = sorted(same, key=lambda pair: -pair[0].score)[:most]
    return [e for _, e in sorted(kept, key=lambda pair: pair[0].sentence.ord)]


def _context(
    question: Question,
    candidate: Candidate,
    required: set[str],
    own: set[str],
    query: Query,
) -> Context | None:
    """The heading or previous sentence, when the name or answer asked for is only there."""
    namer = candidate.namer if question.kind in ("person", "agent") else None
    if namer is not None and required - own and (required - own) <= stems(namer.text):
        return Context("named", namer.text, namer.start, namer.end)  # who "he" or "Cllr Doe" is
    spans = (
        (candidate.heading, "heading"),
        (candidate.previous, "previous"),
        (candidate.speaker, "speaker"),
    )
    for span, role in spans:
        if span is None:
            continue
        held = stems(span.text)
        needs_name = bool(required - own) and bool((required - own) & held)
        needs_type = (
            question.kind in SHAPED and not query.shaped(candidate.text) and query.shaped(span.text)
        )
        says_more = role == "previous" and _says_more(question, own, held, query)
        if needs_name or needs_type or says_more:
            return Context(role, span.text, span.start, span.end)
    previous = candidate.previous
    if previous is not None and _opens_pointing_back(candidate.text):
        return Context("previous", previous.text, previous.start, previous.end)
    if namer is not None:
        return Context("named", namer.text, namer.start, namer.end)
    return None


_POINTING_BACK = re.compile(
    r"^\W*(?:(?:following|after|for|because of|as a result of|in response to|despite)\s+"
    r"(?:this|that|these|those|it)\b|as a (?:result|consequence)\b|consequently\b|therefore\b)",
    re.I,
)


def _opens_pointing_back(sentence: str) -> bool:
    """The sentence opens with what it follows from ("Following this, …", "As a result,
    …"): shown alone, it hides the reason the question may ask for."""
    return bool(_POINTING_BACK.match(sentence))


def _says_more(question: Question, own: set[str], before: set[str], query: Query) -> bool:
    """The sentence names the person asked about and the one before does not, but holds at
    least as much of what the question asks of them (the words other than names), adding
    some: the answer is read across the two ("… will be the child's legacy, … pledged
    today. Cllr Jane Doe was speaking as …")."""
    if not query.people & own - before:
        return False  # the person asked about is named before too: it answers alone
    names = {stem(n) for n in question.names}
    said = {t: w for t, w in query.weights.items() if t not in names}
    added = sum(w for t, w in said.items() if t in before and t not in own)
    held = sum(w for t, w in said.items() if t in own)
    return added > 0 and added >= held


def _repeats(evidence: Evidence, chosen: Evidence) -> bool:
    """Quoting it would repeat a chosen quote: the same words, or the sentence shown as its
    context is the chosen one."""
    if evidence.document.id != chosen.document.id:  # the same words elsewhere: grouped later
        return bool(evidence.context and evidence.context.quote == chosen.quote)
    if evidence.quote == chosen.quote:
        return True
    return any(
        shown is not None
        and shown.role != "named"  # who "Ms Doe" is: a sentence that answers by itself too
        and (shown.start, shown.end) == (other.start, other.end)
        for shown, other in ((evidence.context, chosen), (chosen.context, evidence))
    )


def _unnamed_when_quoted(chosen: list[Evidence]) -> list[Evidence]:
    """A quote's "named" context dropped when that sentence is itself quoted."""
    quoted = {(e.document.id, e.start, e.end) for e in chosen}
    return [
        replace(e, context=None)
        if e.context is not None
        and e.context.role == "named"
        and (e.document.id, e.context.start, e.context.end) in quoted
        else e
        for e in chosen
    ]


def _with_score(evidence: Evidence, candidate: Candidate) -> Evidence:
    """The evidence with its candidate's probability and word coverage."""
    return replace(evidence, score=candidate.score, coverage=candidate.features.get("words", 0.0))


def _parts(span: Span) -> tuple[str, int, int]:
    return span.text, span.start, span.end

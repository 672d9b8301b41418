"""The verdict rules: a claim's facts against the best evidence, in a fixed, explained order.

1. **not_found before anything else** when the claim names nothing to look for, or names
   something no record mentions ("Coventry"): the records cannot confirm or deny what
   they never speak of. A word no record uses ("dismissed", or a paraphrase's "arising")
   weighs more than any word the records use, so a unit must hold the rest of
   the claim well enough without it; the not_found note names such words.
2. **Candidates** are units (a sentence, or two adjacent sentences of one paragraph)
   that hold at least `min_coverage` of the claim's subject weight (rare words weigh
   more; numbers, dates, grades, "all", "not" are facts, not subject) and every
   uncommon name the claim gives.
3. **Best evidence** is the candidates within `near` of the best coverage. Each is
   judged against the claim (`judge`):
   - *conflicts* when it states another figure for the same thing (the words around a
     figure say what it counts; or for the same date: "15 per cent in April 2010"
     against "10 per cent in April 2010"), dates the event otherwise ("February 2009"
     against "March 2011"), gives a part where the claim says all ("Ten of these" of 12
     against "all twelve", or "the majority"), gives another Ofsted grade ("inadequate"
     against "good"), has the opposite polarity (a negation reaching the subject on one
     side only), moved the other way ("rose" against "dropped") or gives another place
     in a count ("the first time" against "the second time"), or another doer after the
     same verb ("published by the board" against "published by the cabinet");
   - *is silent* when it leaves out a fact the claim states (no date, no figure, no
     grade, no "all", not who did it), gives a measured figure (or a recurring event) for
     another period than claimed, gives another date but none of the claim's figures or
     grade (it speaks of something else), comes undated from a record of another time, or
     names another titled person beside the claim's;
   - *supports* otherwise: every figure, date, grade, "all" and negation agrees.
4. **Verdict**: supported if any best unit supports, or if a unit close in meaning
   (`anchored_closeness`) gives every figure of the claim for what the claim counts with
   every other fact agreeing (a paraphrase anchored by its figures); contradicted if a
   unit conflicts and holds at least `contradict_coverage` of the subject, or half of it
   while giving another figure for the same thing counted in the same unit, or
   `close_coverage` of it while naming the names itself and lying within
   `close_closeness` in meaning (not for a date or a person, which recur); otherwise
   not_found. With no candidate at all, a unit that holds the whole subject but names
   another titled person ("Cllr Jane Doe" for "John Smith") contradicts.

When in doubt the rules fall to not_found: a wrong verdict is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from assistant.answer.intent import compared_grades, former_grades
from assistant.answer.question import EARLIEST, LATEST, STOPWORDS, Period
from assistant.answer.tokens import stem, stems
from assistant.conversation.words import BE, WORD
from assistant.factcheck.claim import Claim
from assistant.factcheck.evidence import DONE_VERBS, Unit, Weights
from assistant.factcheck.facts import (
    DEGREE_STEMS,
    ORDINALS,
    PRECISION,
    Figure,
    grade_label,
    is_age,
    nearest_grade,
    overlaps,
)
from assistant.factcheck.opposites import opposed
from index import date_bounds, dated_spans, format_date, month_number

NEAREST_COVERAGE = 0.3
"""A not_found offers the nearest unit as reading only if it holds this much of the subject."""

RECURRING = frozenset({"inspe", "revie", "visit", "meet", "met", "monit"})
"""Stems of things done again and again: a record of one date does not deny another."""

COUNTED_LEAD = 2
"""Another figure of the unit shares this many more of the words around the claim's figure
than the unit's equal figure does: it, not the equal one, counts what the claim counts."""
ORDINAL_WORDS = {number: word for word, number in ORDINALS.items()}
OCCASION = stem("time")
"""The noun an ordinal counts occasions by ("the first time"): a claim of one needs a record
that counts them."""

Verdict = Literal["supported", "contradicted", "not_found"]
Outcome = Literal["supports", "conflicts", "silent"]


@dataclass(frozen=True)
class Rules:
    """Thresholds of the verdict; see the module docstring for how they are used."""

    min_coverage: float = 0.7
    contradict_coverage: float = 0.8
    near: float = 0.15
    cited: int = 2
    meaning: float = 1.01  # the answer step's threshold: a unit this likely is a candidate too
    meaning_coverage: float = 0.5  # ... when it also holds this much of the subject
    contradict_meaning: float = 0.8  # and this likely may contradict
    support_predicate: float = 0.6  # a support states this share of what the claim says of
    # its names (the words other than names): being about the same people is not enough
    firm_coverage: float = 0.5  # a conflict over what the claim's figure counts may
    # contradict with this much of the subject (the names held)
    close_coverage: float = 0.6  # a conflict in a unit holding this much of the subject
    close_closeness: float = 0.6  # and this close in meaning to the claim contradicts it
    anchored_closeness: float = 0.8  # a unit giving the claim's figures for what the claim
    # counts supports it in other words when its cosine with the claim is at least this
    day_meaning: float = 0.7  # a unit giving the claim's days supports it in other words
    # when the answer step's probability that it answers the claim is at least this


@dataclass(frozen=True)
class Judgement:
    """One unit against the claim, with the difference or the gap in a phrase."""

    unit: Unit
    outcome: Outcome
    note: str = ""
    fact: str = ""  # the kind of fact that conflicts or is missing: "figures", "dates", …


@dataclass
class Decision:
    """The verdict, the units it rests on, and why in a phrase."""

    verdict: Verdict
    units: list[Unit] = field(default_factory=list)
    note: str = ""
    nearest: Unit | None = None  # for not_found: the closest unit, offered as reading


def decide(claim: Claim, weights: Weights, units: list[Unit], rules: Rules) -> Decision:
    """Apply the rules of the module docstring, in order."""
    if not claim.subject:
        return Decision("not_found", note="the claim names nothing the records could confirm")
    if weights.unknown_names:
        return Decision("not_found", note=f"no record mentions {_listed(weights.unknown_names)}")

    def meant(unit: Unit) -> bool:
        """Close in meaning (the answer threshold) and holding half the subject's words."""
        return unit.meaning >= rules.meaning and unit.coverage >= rules.meaning_coverage

    def support(unit: Unit) -> float:
        """Word coverage, or the meaning score when the unit is close in meaning."""
        return max(unit.coverage, unit.meaning if meant(unit) else 0.0)

    ranked = sorted(units, key=lambda u: (-support(u), u.sentences, u.rank))
    nearest = ranked[0] if ranked and ranked[0].coverage >= NEAREST_COVERAGE else None
    candidates = [
        u for u in ranked if u.names_held and (u.coverage >= rules.min_coverage or meant(u))
    ]
    if not candidates:
        named = (
            _other_person(claim, ranked)
            or _rival_name(claim, ranked, rules)
            or _firm_conflict(claim, ranked, rules)
        )
        if named is not None:
            return Decision("contradicted", [named.unit], named.note)
        anchored = [u for u in ranked if _anchored(claim, u, rules)]
        if anchored:
            return Decision("supported", _distinct(anchored, rules.cited))
        return Decision("not_found", note=_unused(weights) or _gap(nearest), nearest=nearest)
    best = [u for u in candidates if support(u) >= support(candidates[0]) - rules.near]
    judged = [judge(claim, u) for u in best]
    supports = [
        j.unit
        for j in judged
        if j.outcome == "supports"
        and j.unit.predicate >= rules.support_predicate
        and not j.unit.unsaid_actions
    ]
    if supports:
        return Decision("supported", _distinct(supports, rules.cited))
    anchored = [u for u in ranked if _anchored(claim, u, rules)]
    if anchored:
        return Decision("supported", _distinct(anchored, rules.cited))
    conflicts = [
        j
        for j in judged
        if j.outcome == "conflicts"
        and (
            j.unit.coverage >= rules.contradict_coverage
            or (meant(j.unit) and j.unit.meaning >= rules.contradict_meaning)
            or (j.unit.coverage >= rules.firm_coverage and _counted_apart(claim, j.unit))
            or _close_conflict(j, rules)
        )
    ]
    if conflicts:
        return Decision("contradicted", [conflicts[0].unit], conflicts[0].note)
    first = judged[0]
    note = first.note if first.outcome == "silent" else _unused(weights) or _gap(first.unit)
    return Decision("not_found", note=note, nearest=first.unit)


def _unused(weights: Weights) -> str:
    """Words of the claim no record uses ("dismissed"): why nothing states it, if any."""
    if not weights.unknown_words:
        return ""
    noun = "word" if len(weights.unknown_words) == 1 else "words"
    return f"no record uses the {noun} {_listed(weights.unknown_words, quoted=True)}"


def _anchored(claim: Claim, unit: Unit, rules: Rules) -> bool:
    """A paraphrase anchored by its figures: the unit is close in meaning, names the claim's
    names (or its sentence before or title does), or the answer step, reading it with its
    page, finds it answers the claim ("the review's 14 recommendations" on a page about Sam
    Roe's review); and it gives every figure of the claim for what the claim counts, with
    every other fact agreeing ("Three staff members were taken off frontline duties" against
    "Three members of staff … were removed from frontline services")."""
    figures = claim.facts.figures
    admitted = unit.meaning >= rules.meaning  # the answer step's: its names in or beside it
    if not (unit.names_near or admitted) or unit.unsaid_actions:
        return False  # "praised" where the page says "criticised": not said in other words
    if not figures:
        return unit.names_near and _day_anchored(claim, unit, rules)
    if unit.closeness < rules.anchored_closeness and not admitted:
        return False
    if not all(_counts_the_same(f, unit) for f in figures):
        return False
    return judge(claim, unit).outcome == "supports"


def _day_anchored(claim: Claim, unit: Unit, rules: Rules) -> bool:
    """A paraphrase anchored by a day: the claim dates its event to a day (or days) the
    unit gives too, and the answer step finds the unit answers the claim asked as a
    question ("Northtown received a visit on 3 and 4 May" against "Inspectors visited
    Northtown's services on 3 and 4 May")."""
    days = [d for d in claim.facts.dates if d.precision == "day"]
    given = {d.value for d in unit.facts.dates if d.precision == "day"}
    if not days or not all(d.value in given for d in days) or not unit.names_own:
        return False  # the names in the sentence or beside it: a round-up's next entry
        # may give the same days for another council
    if unit.meaning < rules.day_meaning:
        return False
    return judge(claim, unit).outcome == "supports"


def _firm_conflict(claim: Claim, ranked: list[Unit], rules: Rules) -> Judgement | None:
    """The first unit holding the names and enough of the subject that gives another figure
    for what the claim's figure counts."""
    for unit in ranked:
        if not unit.names_held or unit.coverage < rules.firm_coverage:
            continue
        judged = judge(claim, unit)
        if judged.outcome != "conflicts":
            continue
        if _counted_apart(claim, unit) or _close_conflict(judged, rules):
            return judged
    return None


RECURRING_FACTS = frozenset({"dates", "people"})
"""Conflicts that another event of the same kind explains (an inspection of another year)."""


def _close_conflict(judged: Judgement, rules: Rules) -> bool:
    """A conflict in a unit close in meaning to the claim, holding most of its subject and
    the names itself (or in the sentence before or the title; a page that merely mentions a
    place speaks of another): "for the first time" against "for the second time", "were
    isolated incidents" against "were not isolated incidents"."""
    unit = judged.unit
    return (
        judged.outcome == "conflicts"
        and judged.fact not in RECURRING_FACTS
        and unit.names_own
        and unit.coverage >= rules.close_coverage
        and unit.closeness >= rules.close_closeness
    )


def _counted_apart(claim: Claim, unit: Unit) -> bool:
    """The unit gives another figure for what a figure of the claim counts: "a three-week
    inspection" against "one week inspecting", where the shared words say it is the same
    thing counted in the same unit. The claim's other figures are not rivals ("Ten of the
    twelve")."""
    claimed = {f.value for f in claim.facts.figures}
    for figure in claim.facts.figures:
        kind = [f for f in unit.facts.figures if f.percent == figure.percent]
        if any(f.value == figure.value for f in kind):
            continue
        rivals = [f for f in kind if f.value not in claimed and _same_noun(figure, f)]
        if any(len(f.context & figure.context) >= COUNTED_LEAD for f in rivals):
            return True
    return False


def _same_noun(figure: Figure, other: Figure) -> bool:
    """Both count the same unit: "one week" and "three-week", not "three decades" and
    "30 years" (the noun of one is among the other's words)."""
    if figure.noun is None or other.noun is None:
        return True
    return figure.noun in other.context or other.noun in figure.context


def _counts_the_same(figure: Figure, unit: Unit) -> bool:
    """An equal figure of the unit shares a word of what the claim's figure counts."""
    return any(
        f.value == figure.value and f.percent == figure.percent and f.context & figure.context
        for f in unit.facts.figures
    )


def judge(claim: Claim, unit: Unit) -> Judgement:
    """Figures, dates, all-or-part, grades, negation, direction, place in a count, people,
    who did it: the first conflict wins, then gaps. Another date conflicts only in a unit
    giving the claim's figures or grade; a unit dated only otherwise speaks of another time
    (an inspection of 2009 against one claimed for 2011), and nothing else in it counts."""
    gaps: list[str] = []
    elsewhere = _of_another_time(claim, unit)
    if elsewhere is not None:
        return Judgement(unit, "silent", elsewhere)
    for check in (
        _figures,
        _dates,
        _whole,
        _grades,
        _negation,
        _direction,
        _ordinal,
        _people,
        _agent,
        _active_doer,
        _tense,
        opposed,
        _opposite,
        _alone,
        _relative_time,
        _alternatives,
    ):
        found = check(claim, unit)
        if found is None:
            continue
        outcome, note = found
        fact = check.__name__.lstrip("_")
        if outcome == "conflicts" and not (fact == "dates" and _speaks_of_other(claim, unit)):
            return Judgement(unit, "conflicts", note, fact)
        if fact == "dates" and unit.facts.dates:
            return Judgement(unit, "silent", note)  # of another time: nothing else in it counts
        gaps.append(note)
    if gaps:
        return Judgement(unit, "silent", gaps[0])
    return Judgement(unit, "supports")


def _speaks_of_other(claim: Claim, unit: Unit) -> bool:
    """The unit gives none of the figures or grades the claim dates: another date in it is
    of something else ("Sickness rates … July 2009" against "rated outstanding in 2012")."""
    if claim.facts.grades and not claim.facts.grades & unit.facts.grades:
        return True
    counts = {f.value for f in claim.facts.figures if f.date is None}
    return bool(counts) and not counts & {f.value for f in unit.facts.figures}


Found = tuple[Outcome, str] | None


def _figures(claim: Claim, unit: Unit) -> Found:
    """Each figure of the claim must be in the unit, counting what the claim's counts; one
    given for the same date must match, and so must what a figure moved to from the same
    start ("from 25 days to 12.5" against "from 25 days … to 16.9")."""
    for start, end in claim.facts.moves:
        for given_start, given_end in unit.facts.moves:
            if given_start.value == start.value and given_end.value != end.value:
                return "conflicts", f"the records give {given_end.text}, not {end.text}"
    claimed = {f.value for f in claim.facts.figures}
    for figure in claim.facts.figures:
        if figure.date is not None:
            first, last = date_bounds(figure.date)
            same = [
                f
                for f in unit.facts.figures
                if f.percent == figure.percent and f.date and overlaps(f.date, first, last)
            ]
            if same and not any(f.value == figure.value for f in same):
                given = same[0]
                when = format_date(given.date) if given.date else ""
                return "conflicts", f"the records give {given.text} for {when}, not {figure.text}"
            if same:
                continue
        values = unit.facts.values(figure.percent)
        if figure.value in values:
            done = (
                _done_in_full(claim, figure, unit)
                or _still_under_way(claim, figure, unit)
                or _swapped(claim, figure, unit)
            )
            if done is not None:
                return done
            counted = _counted_otherwise(figure, unit, claimed | _wholes(claim, figure, unit))
            if counted is not None:
                return counted
            continue
        kind = [
            f
            for f in unit.facts.figures
            if f.percent == figure.percent
            and f.money == figure.money  # a sum is no rival to a count
            and f.value not in claimed
            and (is_age(figure, claim.text) or not is_age(f, unit.quote))  # an age: of ages
        ]  # "Ten of the twelve": the unit's 12 is the claim's too, not another count
        same = [f for f in kind if _same_noun(figure, f)]  # not "30 years" for "three decades"
        if any(f.context & figure.context for f in same) or (same and not figure.context):
            if _a_part_of(claim, figure) and all(f.value > figure.value for f in same):
                whole = max(same, key=lambda f: f.value).text
                return "silent", f"the records give the whole ({whole}), not the part"
            given_texts = [f.text for f in kind]
            return "conflicts", f"the records give {_listed(given_texts)}, not {figure.text}"
        return "silent", "no record gives a figure for it"
    return None


_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|these|those|our)\b", re.I)


def _a_part_of(claim: Claim, figure: Figure) -> bool:
    """ "Six of the settings inspected": the figure counts a part of what another figure
    counts in full ("39 settings inspected"), so a larger one is no other count of it."""
    return bool(_PART_OF.match(claim.text, figure.end))


def _wholes(claim: Claim, figure: Figure, unit: Unit) -> set[float]:
    """The unit's larger counts of what the claim's figure counts a part of ("Two of the
    recommendations" and "12 recommendations"): the whole, no rival count of the part."""
    part = _PART_OF.match(claim.text, figure.end)
    if part is None:
        return set()
    noun = next(iter(re.findall(r"[A-Za-z]+", claim.text[part.end() :])), "")
    return {f.value for f in unit.facts.figures if f.value > figure.value and f.noun == stem(noun)}


def _done_in_full(claim: Claim, figure: Figure, unit: Unit) -> Found:
    """The claim says its figure is part-way ("Ten … are in the process of being
    implemented") where the unit says that figure was done in full ("Ten of these have
    already been fully implemented")."""
    doing = claim.facts.partial or _in_progress(claim.text)
    if doing is None or DEGREE_STEMS & figure.context:
        return None
    for given in unit.facts.figures:
        if given.value == figure.value and DEGREE_STEMS & given.context:
            return "conflicts", f"the records say {given.text} in full, not “{doing}”"
    return None


def _still_under_way(claim: Claim, figure: Figure, unit: Unit) -> Found:
    """The claim says its figure done ("the two … have been implemented") where the unit
    says that figure is part-way ("a further two … are in the process of being
    implemented"): read in the unit from the figure to the next figure or its end."""
    if claim.facts.partial or _in_progress(claim.text) or not _claims_done(claim.text):
        return None
    given = sorted(unit.facts.figures, key=lambda f: f.start)
    for number, found in enumerate(given):
        if found.value != figure.value:
            continue
        end = given[number + 1].start if number + 1 < len(given) else len(unit.quote)
        clause = unit.quote[found.end : end]
        doing = _UNDER_WAY.search(clause)
        if doing is not None:
            said = doing.group().lower()
            return "conflicts", f"the records say {found.text} {said}, not done"
    return None


def _claims_done(text: str) -> bool:
    """The claim says work is done ("have been implemented", "has now been completed")."""
    return any(verb.lower() in DONE_VERBS for verb in _DONE.findall(text))


_UNDER_WAY = re.compile(r"\bin the process of\b|\b(?:still\s+)?being\s+\w+ed\b", re.I)
"""Words that say work is under way, not done ("in the process of", "still being
implemented")."""
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:still\s+)?(being\s+\w+ed)\b", re.I)


def _in_progress(text: str) -> str | None:
    """ "are still being implemented": said to be under way, not done."""
    found = _PROGRESSIVE.search(text)
    return found.group(1) if found else None


def _swapped(claim: Claim, figure: Figure, unit: Unit) -> Found:
    """Two figures of the claim the unit gives, each for what the claim says the other
    counts: "440 children in care and 700 care leavers" against "700 in care and 440 older
    care leavers"."""
    nouns = {f.value: f.noun for f in claim.facts.figures if f.percent == figure.percent}
    given = [f for f in unit.facts.figures if f.percent == figure.percent]
    if figure.noun is None or any(f.noun == figure.noun for f in given if f.value == figure.value):
        return None
    for other in given:
        claimed_noun = nouns.get(other.value)
        if other.value == figure.value or claimed_noun is None:
            continue
        if other.noun == figure.noun and claimed_noun != figure.noun:
            return "conflicts", f"the records give {other.text} for it, not {figure.text}"
    return None


def _counted_otherwise(figure: Figure, unit: Unit, claimed: set[float]) -> Found:
    """The unit gives the claim's figure, but another of its figures is said of what the
    claim's counts: "12 recommendations … a further two, which emerged from the criminal
    trial" against "Twelve recommendations emerged from the criminal trial"; or the claim's
    figure counts what a move of the unit counts, where the unit's equal figure counts
    another ("750 vacancies" against "from 180 vacancies out of 750 qualified social
    workers to 100"). The other end of a move is no rival:
    "from 25 days … to 16.9" counts the same days twice."""
    kind = [
        f for f in unit.facts.figures if f.percent == figure.percent and f.money == figure.money
    ]
    moved = {a.value for a, b in unit.facts.moves if b.value == figure.value}
    moved |= {b.value for a, b in unit.facts.moves if a.value == figure.value}
    rivals = [f for f in kind if f.value not in claimed | moved]  # "from 25 days … to 16.9"
    if not figure.context or not rivals:
        return None
    partners = [
        a.context | b.context for a, b in unit.facts.moves if figure.value in (a.value, b.value)
    ]
    said = [f.context for f in kind if f.value == figure.value] + partners  # "from 180 … to 100"
    own = max(len(figure.context & context) for context in said)
    nouns = {f.noun for f in kind if f.value == figure.value}
    moving = [(a, b) for a, b in unit.facts.moves if figure.noun and a.noun == figure.noun]
    ends = {f.value for move in moving for f in move}
    if moving and figure.noun not in nouns and figure.value not in ends:  # "from 180 … to 100"
        given = _listed([f.text for move in moving for f in move])
        return "conflicts", f"the records give {given} for it, not {figure.text}"
    rival = max(rivals, key=lambda f: len(figure.context & f.context))
    lead = len(figure.context & rival.context) - own
    if lead >= COUNTED_LEAD:
        return "conflicts", f"the records give {rival.text} for it, not {figure.text}"
    if lead > 0:
        return "silent", f"the records give {rival.text} for it as well as {figure.text}"
    return None


def _dates(claim: Claim, unit: Unit) -> Found:
    """Each date of the claim must be a date of the unit; another date for an event conflicts.

    A figure bound to its date ("15 per cent in April 2011") is a measurement, and an
    inspection, review, visit or meeting can recur: a record of another month does not
    deny either, it is only silent about the month claimed. So is a unit whose every date
    dates one of its figures ("23 per cent in December 2009"), against a claim of another
    year ("the vacancy rate rose again in 2011").
    An undated unit supports "by July 2010" when its document is dated by then.
    """
    ended = _ended_otherwise(claim, unit)
    if ended is not None:
        return ended
    for period, mention in claim.periods:
        dates = unit.facts.dates
        if any(
            overlaps(d.value, period.start, period.end)
            and PRECISION[d.precision] >= period.precision
            for d in dates
        ):
            continue
        held = _listed([format_date(d.value) for d in dates])
        measured = any(f.date == mention.value for f in claim.facts.figures)
        measures = {f.date for f in unit.facts.figures if f.date}
        given_measured = all(d.value in measures for d in dates)  # "23 per cent in December"
        if dates and not any(overlaps(d.value, period.start, period.end) for d in dates):
            if measured or given_measured or RECURRING & set(claim.subject):
                return "silent", f"the records give this for {held}, not for {period.label}"
            return "conflicts", f"the records date it {held}, not {period.label}"
        if not dates and _dated_by_document(unit, period) and _of_its_own_time(claim, period):
            continue
        return "silent", f"no record gives it a date matching {period.label}"
    return None


def _ended_otherwise(claim: Claim, unit: Unit) -> Found:
    """A claim of a span ("from 2011 until 2014") against a unit giving a span from the
    same start to another end ("from 2011 to April 2012"): each bound alone overlaps the
    unit's dates, but the span the claim gives is not the one the record gives. A unit
    must give both ends of a span claimed to support it."""
    opens = [p for p, _ in claim.periods if p.bounds and p.end == LATEST and p.start != EARLIEST]
    closes = [p for p, _ in claim.periods if p.bounds and p.start == EARLIEST and p.end != LATEST]
    if len(opens) != 1 or len(closes) != 1:
        return None
    start, end = opens[0], closes[0]
    width = 4 if end.precision == PRECISION["year"] else 7  # compare years, or months
    spans = dated_spans(unit.quote, None)
    for span in spans:
        same_start = span.precision == "range" and span.first[:4] == start.start[:4]
        if same_start and span.last[:width] != end.end[:width]:
            return "conflicts", f"the records give {span.label}, not {start.label} {end.label}"
    began = any(s.first[:4] == start.start[:4] for s in spans)
    ended = any(s.last[:width] == end.end[:width] for s in spans)
    if not (began and ended):  # a date within the span confirms neither of its ends
        return "silent", f"no record gives it as {start.label} {end.label}"
    return None


def _of_another_time(claim: Claim, unit: Unit) -> str | None:
    """An undated sentence of a record dated outside every period the claim names speaks of
    its own time: another grade or figure in it ("inadequate" in a 2017 re-inspection
    against a claim about 2014) does not deny the claim, nor does it confirm it."""
    if not claim.periods or unit.facts.dates or unit.document.date is None:
        return None
    if any(_dated_by_document(unit, period) for period, _ in claim.periods):
        return None
    labels = _listed([period.label for period, _ in claim.periods])
    return f"the record is of {format_date(unit.document.date)}, not of {labels}"


_SAYING_TEXT = "say publi annou pledg confi revea repor claim descr call label brand warn"
_SAYING_STEMS = frozenset(_SAYING_TEXT.split())
"""Stems of verbs of saying, calling or publishing ("described it as …"): what a record says,
it says on its own date."""


def _of_its_own_time(claim: Claim, period: Period) -> bool:
    """A record's date may date an undated sentence for a year claimed, or for what the
    record itself says or publishes that month ("the council said in July 2010 …"); not for
    an event it recalls ("since the Improvement Notice was issued", in a statement of March
    2010, does not date the notice), unless the claim only bounds it ("by March 2010": what
    a record of that month says has been done, had been done by then)."""
    if period.start == EARLIEST:
        return True
    return period.precision < PRECISION["month"] or bool(_SAYING_STEMS & set(claim.subject))


def _dated_by_document(unit: Unit, period: Period) -> bool:
    """An undated sentence speaks of its document's time: a record dated in the period (or
    by its end, for "by July 2010"), or an undated record that names a year of it."""
    doc_date = unit.document.date
    if doc_date is None:
        first, last = int(period.start[:4]), int(period.end[:4])
        return period.start != EARLIEST and any(first <= y <= last for y in unit.document_years)
    start, end = date_bounds(doc_date)
    if period.start == EARLIEST:
        return end <= period.end
    return start <= period.end and period.start <= end


def _whole(claim: Claim, unit: Unit) -> Found:
    """ "All twelve" against "Ten of these … a further two": a part is not the whole; and
    "only some of the areas" against "all key areas": the whole is not a part."""
    if not claim.whole_set:
        return _part_of_whole(claim, unit)
    counts = unit.facts.values(percent=False)
    if len(counts) >= 2 and (not claim.counts or claim.counts == {max(counts)}):
        total = max(counts)
        part = max(v for v in counts if v < total)
        return "conflicts", f"the records say {_number(part)} of the {_number(total)}, not all"
    if unit.facts.partial:
        return "conflicts", f"the records say “{unit.facts.partial.lower()}”, not all"
    if not unit.facts.whole:
        return "silent", "no record says it applies to all"
    return None


_QUANTIFIED = re.compile(r"\b(?:all|every|each)\b((?:\s+(?:of\s+)?[\w’'-]+){1,4})", re.I)
QUANTIFIED_REACH = 4
"""Words after "all" or after "only some of" that say what is counted."""


def _part_of_whole(claim: Claim, unit: Unit) -> Found:
    """The claim says a part ("only some of the key areas") where the unit says all of the
    same things ("in all key areas"): the words after each say they count the same."""
    partial = claim.facts.partial
    if partial is None or unit.facts.partial or not unit.facts.quantified:
        return None
    after = claim.text.lower().split(partial.lower(), 1)[-1].split()[:QUANTIFIED_REACH]
    counted = {stem(w) for w in after if w.strip(",.;") not in STOPWORDS} - {""}
    for match in _QUANTIFIED.finditer(unit.quote):
        if counted & stems(match.group(1)):
            return "conflicts", f"the records say “{match.group().strip()}”, not {partial}"
    return None


def _grades(claim: Claim, unit: Unit) -> Found:
    """An Ofsted grade in the claim must be a grade the unit gives; a grade the unit gives
    as a past one ("since being rated inadequate") is no grade for an undated claim."""
    given = unit.facts.grades - (compared_grades(unit.quote) - compared_grades(claim.text))
    if not claim.facts.dates and not former_grades(claim.text):
        former = former_grades(unit.quote)
        if claim.facts.grades & former:
            return "silent", "the records give it as a past judgement"
        given = given - former
    missing = claim.facts.grades - given
    if len(given) > 1 and not missing:
        nearest = nearest_grade(claim.text, unit.quote, set(claim.subject))
        if nearest is not None and nearest in given and nearest not in claim.facts.grades:
            claimed = _listed(_labels(claim.facts.grades), quoted=True)
            return "conflicts", f"the records give “{grade_label(nearest)}” for it, not {claimed}"
    if not missing:
        return None
    if given:
        listed = _listed(_labels(given), quoted=True)
        return (
            "conflicts",
            f"the records give {listed}, not {_listed(_labels(missing), quoted=True)}",
        )
    return "silent", "no record gives a judgement for it"


def _labels(grades: frozenset[str]) -> list[str]:
    return sorted(grade_label(g) for g in grades)


def _negation(claim: Claim, unit: Unit) -> Found:
    """A negation reaching the subject on one side only turns the statement round; a
    claim's "no" against a count of none ("No care homes …" against "down from seven to
    none") is a count, said both ways."""
    if bool(claim.facts.negations) == bool(unit.facts.negations):
        return None
    counted_none = any(f.value == 0 for f in unit.facts.figures)
    if counted_none and {n.lower() for n in claim.facts.negations} <= {"no", "none"}:
        return None
    if claim.facts.negations:
        word = claim.facts.negations[0]
        return "conflicts", f"the records state it, where the claim says “{word.lower()}”"
    return "conflicts", f"the records deny it (“{unit.facts.negations[0]}”)"


def _direction(claim: Claim, unit: Unit) -> Found:
    """ "Rose to 15 per cent" against "dropped … to 15 per cent": the move turned round; a
    claimed move against a unit stating none ("downgraded" against "judged good") is
    silent: the unit does not say it moved."""
    said, given = claim.facts.directions, unit.facts.directions
    if len(said) == 1 and not given:
        way = {"rise": "went up", "fall": "went down"}[min(said)]
        return "silent", f"no record says it {way}"  # "downgraded" against "judged good"
    if not said or not given or said & given or len(said) > 1:
        return None
    moved = {"rise": "rose", "fall": "fell"}
    return "conflicts", f"the records say it {moved[min(given)]}, not that it {moved[min(said)]}"


def _ordinal(claim: Claim, unit: Unit) -> Found:
    """ "The first time" against "the second time": another place in the same count; a
    unit that counts nothing ("judged inadequate") is silent on "the first time"."""
    for number, noun in claim.facts.ordinals:
        given = sorted(n for n, counted in unit.facts.ordinals if counted == noun)
        if given and number not in given:
            return (
                "conflicts",
                f"the records say “{ORDINAL_WORDS[given[0]]}”, not “{ORDINAL_WORDS[number]}”",
            )
        if not given and (noun == OCCASION or noun in stems(unit.quote)):
            written = next((w for w in WORD.findall(claim.text) if stem(w) == noun), noun)
            return "silent", f"no record says it was the {ORDINAL_WORDS[number]} {written}"
    return None


def _people(claim: Claim, unit: Unit) -> Found:
    """A sentence naming the claim's person and another one may give the role to the other.

    "The Task Force under Cllr Mike Whitby … with Cllr Len Clark as its chair" does not
    say who chaired what as plainly as a check needs: silent, so not_found.
    """
    words = set(claim.text.replace(",", " ").split())
    named = [p for p in unit.facts.people if set(p.split()[1:]) & words]
    others = [p for p in unit.facts.people if not set(p.split()[1:]) & words]
    if named and others:
        return "silent", f"the records name {others[0]} as well as {named[0]} there"
    return None


_AGENT = re.compile(
    r"\b([a-z]+ed|led|made|held|run|set up)"
    r"(?:\s+(?:on|in)\s+(?:\d{1,2}\s+)?[A-Z]?[a-z]+(?:\s+\d{4})?)?"  # "murdered on 3 March 2012"
    r"\s+by\s+((?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:of\s+|for\s+|and\s+)?(?:the\s+)?[A-Z][\w’'-]*)*"
    r"|(?:the|an?|his|her|their|its)\s+[a-z][\w’'-]*"
    r"(?:\s+(?!(?:in|on|at|to|for|and|from|with|of)\b)[a-z][\w’'-]*){0,2}"
    r"(?:\s+and\s+(?:(?:the|an?|his|her|their|its)\s+)?[a-z][\w’'-]*)?)"
)
"""A passive verb and the named body or person who did it ("published by the Northtown
Safeguarding Children Board", "led by Cllr Jane Doe"), or the doers described ("run by an
independent trust", "murdered by his mother and stepfather")."""


_AGENT_REACH = 100
"""Characters after "by" that may name the doer, an apposition included."""


def _agent(claim: Claim, unit: Unit) -> Found:
    """Who the claim says did it ("published by the council's cabinet") must be who the unit
    says: another doer after the same verb conflicts, none said is silent."""
    found = _AGENT.search(claim.text)
    if found is None:
        return None
    verb, doer = stem(found.group(1)), found.group(2).strip(" ,.;")
    wanted = {stem(w) for w in doer.split() if w.lower() not in STOPWORDS}
    if not wanted:
        return None
    for given in _AGENT.finditer(unit.quote):
        if stem(given.group(1)) != verb:
            continue
        other = given.group(2).strip(" ,.;")
        near = unit.quote[given.start(2) : given.start(2) + _AGENT_REACH]
        if wanted <= stems(near) or other.split()[-1].isupper():
            return None  # the same doer, maybe in apposition ("by the Under Secretary of
            # State, Jane Doe MP") or spelt short (an acronym, "the NSCB")
        return "conflicts", f"the records say {given.group(1)} by {other}, not by {doer}"
    if wanted <= stems(unit.quote):
        return None
    return "silent", f"no record says it was {found.group(1)} by {doer}"


_OPENING_DOER = re.compile(
    r"^(?:The\s+)?((?:[A-Z][\w’'&-]*(?:,?\s+(?:of|for|and|the|&)\s+|,\s+|\s+))+)([a-z]+ed)\b"
)
"""A claim opening with who did it: "The Department for Children and Families judged …"."""


_PASSIVE = BE | {"be", "been", "being"}


def _active_doer(claim: Claim, unit: Unit) -> Found:
    """Who the claim says did it, opening the claim, must be who the unit says did it: the
    same verb after another name in the unit ("The inspectorate judged …") does not say it
    (silent)."""
    found = _OPENING_DOER.match(claim.text)
    if found is None or re.match(r"\s+by\b", claim.text[found.end() :]):
        return None  # "The Task Force led by …": what was done to, not who did it
    doer = {stem(w) for w in WORD.findall(found.group(1)) if w.lower() not in STOPWORDS}
    verb = stem(found.group(2))
    if not doer or verb not in claim.subject:
        return None
    for given in _AGENT.finditer(unit.quote):  # "… was published by the Board"
        other = given.group(2).strip(" ,.;")
        named = {stem(w) for w in WORD.findall(other) if w[:1].isupper()}
        near = stems(unit.quote[given.start(2) : given.start(2) + _AGENT_REACH])
        if stem(given.group(1)) != verb or not named or named & doer or doer <= near:
            continue  # the same doer, maybe in apposition ("by the Leader, Cllr Jane Doe")
        return "conflicts", f"the records say {given.group(1)} by {other}"
    for sentence in re.split(r"(?<=[.!?])\s+", unit.quote):
        words = WORD.findall(sentence)
        for at, word in enumerate(words):
            if stem(word) != verb or not at or words[at + 1 : at + 2] == ["by"]:
                continue  # "a Task Force chaired by …": the doer follows (see _agent)
            if words[at - 1].lower() in _PASSIVE:
                continue  # "The Trust was praised": what was done to, not who did it
            before = words[max(0, at - 6) : at]
            named = {stem(w) for w in before if w[:1].isupper() and w.lower() not in STOPWORDS}
            if named and not named & doer:
                other = " ".join(w for w in before if w[:1].isupper())
                return "silent", f"the records say {other} {word}, not {found.group(1).strip()}"
    return None


_DONE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+|already\s+|now\s+|just\s+|also\s+|been\s+)*([a-z]+ed)\b",
    re.I,
)
_TO_COME = re.compile(r"\bwill\s+(?:\w+ly\s+|now\s+|soon\s+|be\s+)*([a-z]+)\b", re.I)
_PAST = re.compile(r"\b([a-z]+ed)\b", re.I)


def _tense(claim: Claim, unit: Unit) -> Found:
    """What the claim says has been done ("have already moved") the unit says will be done
    ("will now move"): a plan is no deed. Said both ways in the unit (of different
    subjects), it is silent."""
    done = {stem(v) for v in _DONE.findall(claim.text)}
    to_come = {stem(v) for v in _TO_COME.findall(unit.quote)} & done
    if not to_come:
        return None
    past = {stem(v) for v in _PAST.findall(unit.quote)}
    if to_come & past:
        return "silent", "the records say it both of some and as still to come of others"
    return "conflicts", "the records say it will be done, not that it has been"


_OPPOSITES_TEXT = """
    north:south east:west positive:negative success:failure welcomed:criticised old:modern
"""
_OPPOSITES = [tuple(pair.split(":")) for pair in _OPPOSITES_TEXT.split()]
"""English words that say the opposite of each other: a claim's "north" where the record
says "south" is not what the record says. Opposites that deny the claim outright
("rejected" against "accepted") are `opposites.opposed`."""


def _opposite(claim: Claim, unit: Unit) -> Found:
    """The claim says one of a pair of opposites where the unit says the other ("the north
    of the city" against "the south of the city"): the unit does not say it (silent, not a
    contradiction: the other word may be of something else in the sentence)."""
    said = {w.lower() for w in WORD.findall(claim.text)}
    given = {w.lower() for w in WORD.findall(unit.quote)}
    for a, b in _OPPOSITES:
        for mine, theirs in ((a, b), (b, a)):
            if mine in said and theirs not in said and theirs in given and mine not in given:
                return "silent", f"the records say “{theirs}”, not “{mine}”"
    return None


_ALONE = re.compile(
    r"\b(?:on\s+(?:its|their|his|her)\s+own|alone|solely|single-handedly|by\s+itself|"
    r"by\s+themselves|without\s+(?:any\s+)?(?:help|partners?))\b",
    re.I,
)
_JOINED = r"(?:and|together\s+with|jointly\s+with|alongside|with)"


def _alone(claim: Claim, unit: Unit) -> Found:
    """The claim says one named doer acted alone ("carried out by Ofsted on its own") where
    the unit joins another to it ("by Ofsted and the Care Quality Commission")."""
    if not _ALONE.search(claim.text):
        return None
    for name in claim.names:
        n = re.escape(name)
        joined = re.search(
            rf"\b{n}\s+{_JOINED}\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
            rf"|\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+and\s+{n}\b",
            unit.quote,
        )
        if joined:
            return "conflicts", f"the records say “{joined.group()}”"
    return None


_INSTEAD = re.compile(r"\b(?:instead of|rather than|in place of)\b", re.I)
_ALTERNATIVE_REACH = 5
"""Words either side of "instead of" read as the chosen and the set-aside alternative."""


def _alternatives(claim: Claim, unit: Unit) -> Found:
    """The unit chooses one thing over another ("by the end of the year instead of next
    spring"); a claim choosing the one set aside ("next spring rather than by the end of
    the year", or just "next spring") says the opposite of what the unit says."""
    given = _chosen_and_set_aside(unit.quote)
    if given is None:
        return None
    chosen, set_aside = given
    said = _chosen_and_set_aside(claim.text)
    mine = said[0] if said else _content(claim.text)
    if mine & set_aside and not mine & chosen:
        return "conflicts", f"the records choose the other: “{_choice(unit.quote)}”"
    return None


def _choice(text: str) -> str:
    """The words around "instead of", as the record writes them."""
    found = _INSTEAD.search(text)
    if found is None:
        return ""
    before = text[: found.start()].split()[-_ALTERNATIVE_REACH:]
    after = text[found.end() :].split()[:_ALTERNATIVE_REACH]
    return " ".join([*before, found.group(), *after]).strip(" .")


def _chosen_and_set_aside(text: str) -> tuple[set[str], set[str]] | None:
    """The content stems of the words just before and just after "instead of"."""
    found = _INSTEAD.search(text)
    if found is None:
        return None
    before = WORD.findall(text[: found.start()])[-_ALTERNATIVE_REACH:]
    after = WORD.findall(text[found.end() :])[:_ALTERNATIVE_REACH]
    chosen, set_aside = _content(" ".join(before)), _content(" ".join(after))
    shared = chosen & set_aside
    return (chosen - shared, set_aside - shared) if chosen and set_aside else None


def _content(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOPWORDS}


_RELATIVE_TIME = re.compile(
    r"\b(?:this|last|next|previous|coming)\s+(?:year|month|week|spring|summer|autumn|winter)\b",
    re.I,
)


def _relative_time(claim: Claim, unit: Unit) -> Found:
    """The claim dates its fact against now ("this year") where the unit dates it against
    its own record otherwise ("last year"): they may not be the same time."""
    said = {m.group().lower() for m in _RELATIVE_TIME.finditer(claim.text)}
    given = {m.group().lower() for m in _RELATIVE_TIME.finditer(unit.quote)}
    if said and given and not said & given:
        return "silent", f"the records say “{sorted(given)[0]}”, not “{sorted(said)[0]}”"
    return None


def _other_person(claim: Claim, ranked: list[Unit]) -> Judgement | None:
    """A unit with the whole subject but another titled person where the claim names one."""
    known = {w for u in ranked for p in u.facts.people for w in p.split()[1:]}
    claim_words = set(claim.text.replace(",", " ").split())
    for unit in ranked:
        missing = set(unit.missing)
        if unit.names_held or not missing or not missing <= set(claim.names):
            continue
        if not missing <= known:
            continue  # the missing names are not people the records name
        others = [p for p in unit.facts.people if not set(p.split()[1:]) & claim_words]
        if others:
            claimed = " ".join(sorted(missing, key=claim.text.find))
            return Judgement(unit, "conflicts", f"the records name {others[0]}, not {claimed}")
    return None


_NAME_RUN = r"[A-Z][\w’'-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w’'-]*)*"
"""Capitalised words, "of" allowed between ("Isle of Northtown", "Eastshire City Council")."""
_ARTICLES = frozenset({"the", "a", "an"})
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _rival_name(claim: Claim, ranked: list[Unit], rules: Rules) -> Judgement | None:
    """A unit holding the claim but for a name, with another name where the claim puts it,
    after the same word ("came from Eastshire City Council" against "… from Westshire
    City Council"): the records name someone else there."""
    for unit in ranked:
        missing = set(unit.missing)
        if unit.names_held or not missing or not missing <= set(claim.names):
            continue
        if unit.coverage < rules.min_coverage:
            continue
        for run in re.finditer(_NAME_RUN, claim.text):
            if not missing & set(run.group().split()):
                continue
            before = WORD.findall(claim.text[: run.start()])
            before = [w for w in before if w.lower() not in _ARTICLES]
            if not before or not before[-1].islower() or before[-1] in _PLACE_OR_TIME:
                continue  # nothing frames the name, or "in England" may hold beside "in X"
            frame = rf"\b{re.escape(before[-1])}\s+(?:(?:the|an?)\s+)?({_NAME_RUN})"
            claimed = stems(run.group())
            for found in re.finditer(frame, unit.quote):
                rival = found.group(1)
                if stems(rival) & claimed - _SHARED_NAME_WORDS or stems(rival) <= stems(claim.text):
                    continue  # the same name, or one the claim gives elsewhere
                if month_number(rival.split()[0]) or _WEEKDAY.match(rival):
                    continue  # "in March": a date, not a name
                if not _same_kind(rival, run.group()):
                    continue  # "by Christmas": not a body where the claim names one
                note = f"the records name {rival}, not {run.group()}"
                return Judgement(unit, "conflicts", note)
    return None


_PLACE_OR_TIME = frozenset("in at on by to of into during near within across".split())  # noqa: SIM905
"""Words after which two names can both be true ("worked in England" and "in Northtown")."""


def _same_kind(rival: str, claimed: str) -> bool:
    """Two names of one kind: ending in the same word ("… City Council"), or both of two
    words or more (a person's or a body's full name)."""
    first, second = rival.split(), claimed.split()
    return first[-1] == second[-1] or (len(first) > 1 and len(second) > 1)


_SHARED_NAME_WORDS = frozenset(stems("City County Borough District Council Board Trust"))
"""Words many names share: two names sharing only these are still two names."""


def _gap(unit: Unit | None) -> str:
    """Why the nearest sentence is not evidence enough."""
    if unit is None:
        return "no sentence in the records is about this"
    if unit.missing:
        missing = _listed(unit.missing, quoted=True)
        return f"no sentence states it: the nearest does not mention {missing}"
    return "no sentence states it together with the names it gives"


def _distinct(units: list[Unit], limit: int) -> list[Unit]:
    """Up to `limit` units, no quote twice, none overlapping another."""
    chosen: list[Unit] = []
    for unit in units:
        if len(chosen) == limit:
            break
        if any(
            c.document.id == unit.document.id and c.start < unit.end and unit.start < c.end
            for c in chosen
        ) or any(c.quote == unit.quote for c in chosen):
            continue
        chosen.append(unit)
    return chosen


def _listed(items: tuple[str, ...] | list[str], *, quoted: bool = False) -> str:
    """ "a", "a and b", "a, b and c" (optionally in quotation marks)."""
    shown = [f"“{i}”" if quoted else i for i in dict.fromkeys(items)]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)

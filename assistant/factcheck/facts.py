"""The checkable facts of a piece of text: figures, dates, negation, totality, grades, people.

Claims and evidence are read the same way, so the rules can compare like with like.
Everything here is plain pattern matching, written out so a reader can predict it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answer.figures import labels_at, yearless_days
from assistant.answer.question import STOPWORDS
from assistant.answer.tokens import DIRECTIONS, stem
from index import DateMention, date_bounds, find_dates

NUMBER_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "zero": 0,
}  # fmt: skip
QUANTIFIERS = frozenset({"all", "every", "each"})
"""Words that claim a whole set ("all twelve", "every level")."""
DEGREE_WORDS = frozenset({"fully", "completely", "entirely", "wholly"})
"""Words that claim a thing was done in full ("fully implemented")."""
DEGREE_STEMS = frozenset(stem(w) for w in DEGREE_WORDS)
NEGATIONS = frozenset(
    {"not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"}
)
REQUIRES_IMPROVEMENT = "requires-improvement"
GRADES = ("inadequate", "adequate", "satisfactory", "good", "outstanding", REQUIRES_IMPROVEMENT)
"""Ofsted's judgement words: a claim's grade must be the records' grade."""
_GRADE_PHRASE = re.compile(
    r"\b(?:requires?|requiring|required)\s+improvement(?:\s+to\s+be\s+good)?\b", re.I
)
"""Ofsted's two-word grade ("requires improvement to be good"), read as one grade word."""
_HEDGES_TEXT = "about around roughly approximately nearly almost some close circa estimated"
HEDGES = frozenset(_HEDGES_TEXT.split())
"""Words that soften a figure ("roughly 700"): how exact a figure is, not what it counts."""
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
"""Ordinal words, compared with the noun they count ("the second time" is not "the first")."""
FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "thirds": 2 / 3, "quarters": 3 / 4}
"""Shares of a count: "half of the eight targets" is four of them."""
FACT_WORDS = (
    frozenset(NUMBER_WORDS)
    | QUANTIFIERS
    | DEGREE_WORDS
    | NEGATIONS
    | frozenset(GRADES)
    | HEDGES
    | frozenset(ORDINALS)
    | DIRECTIONS["rise"]
    | DIRECTIONS["fall"]
    | frozenset(FRACTIONS)
) | {"per", "cent", "percent", "only", "already"}
"""Words compared as facts, so they never count towards a sentence being on the subject."""

PRECISION = {"year": 1, "month": 2, "day": 3}
"""A date mention's precision as a number, as the answer layer counts it."""

NEGATION_REACH = 5
"""A negation applies to a subject word at most this many words after it."""
FIGURE_REACH_BEFORE = 3
FIGURE_REACH_AFTER = 8
"""How many words before and after a figure say what it counts ("a further two, which
emerged from the criminal trial"); a sentence end or another figure stops the reach."""
BIND_GAP = re.compile(r"^[\s,;:(]*(?:(?:in|at|by|for|during|as of|as at|from|to)\s+)?$", re.I)
"""What may stand between a figure and the date it is given for ("15 per cent in April 2010")."""

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_CURRENCY = frozenset("£$€")
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<scale>m|bn|k)?(?![\w])"
    rf"|\b(?P<compound>(?:{_TENS})[-\s](?:{_UNITS}))\b"  # "Thirty-nine" is 39
    r"|\b(?P<word>" + "|".join(NUMBER_WORDS) + r")\b"
    r"|(?<=\bto )(?P<none>none)\b",  # "down from seven to none": a quantity, nought
    re.I,
)
_SINGLING = re.compile(r"\b(?:the|this|that|no|any|every|each)\s+$", re.I)
"""Before "one", a word that makes it pick out a thing ("the one target"), not count it."""
_SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)+\.?\s|\d+[.)]\s+[A-Z]")
"""A number opening a numbered paragraph ("1.2 The purpose …", "3) Agencies …")."""
_PERCENT = re.compile(r"\s*(?:per\s*cent|percent|%)", re.I)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*")
_TO_NONE = re.compile(r"\b(?:to|from)\s+none\b", re.I)
_PARTIAL = re.compile(
    r"\b(?:the majority|most of|some of|partly|partially|in the process of|not all|only some)\b",
    re.I,
)
_PERSON = re.compile(
    r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Minister|Leader)\.?\s+"
    r"(?P<name>(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
)


@dataclass(frozen=True)
class Figure:
    """A number as written, its value, whether it is a percentage, and where it is."""

    text: str
    value: float
    percent: bool
    start: int
    end: int
    date: str | None = None  # the date it is given for ("15 per cent in April 2010")
    context: frozenset[str] = frozenset()  # stems of the words that say what it counts
    noun: str | None = None  # the stem of the first of them after it ("years" in "30 years")
    money: bool = False  # a sum ("£250,000", "10 million pounds"), never a rival to a count


@dataclass(frozen=True)
class Facts:
    """What a text states that can be compared with another text."""

    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]
    negations: tuple[str, ...]  # negation words that reach a subject word
    whole: bool  # "all", "every", "each", or "fully"/"completely" …
    quantified: bool  # "all", "every", "each" (a whole set, not a degree)
    partial: str | None  # "the majority", "in the process of", … as written
    grades: frozenset[str]
    people: tuple[str, ...]  # titled people named ("Cllr Len Clark")
    directions: frozenset[str] = frozenset()  # "rise", "fall": which way something moved
    ordinals: frozenset[tuple[int, str]] = frozenset()  # (2, "time") for "the second time"
    moves: tuple[tuple[Figure, Figure], ...] = ()  # "from 25 days … to 16.9": (from, to)

    def values(self, percent: bool) -> set[float]:
        """The figures of one kind (percentages or counts)."""
        return {f.value for f in self.figures if f.percent == percent}


def read_facts(text: str, subject: set[str], *, day_first: bool = True) -> Facts:
    """The facts of `text`; `subject` holds the stems negations must reach to count."""
    dates = tuple(find_dates(text, day_first=day_first))
    lowered = [t.lower().strip("'’-") for t in _tokens(text)]
    partial = _PARTIAL.search(text)
    figures = tuple(_figures(text, dates))
    return Facts(
        figures=figures,
        dates=dates,
        negations=tuple(_negations(text, subject)),
        whole=any(t in QUANTIFIERS or t in DEGREE_WORDS for t in lowered),
        quantified=any(t in QUANTIFIERS for t in lowered),
        partial=partial.group() if partial else None,
        grades=frozenset(t for t in lowered if t in GRADES),
        people=tuple(m.group().strip() for m in _PERSON.finditer(text)),
        directions=_directions(text, lowered),
        ordinals=_ordinals(lowered),
        moves=_moves(text, figures),
    )


_FROM = re.compile(r"\bfrom(?:\s+[\w’'-]+){0,3}\s+$", re.I)
_TO = re.compile(r"\bto\s+$", re.I)


def _moves(text: str, figures: tuple[Figure, ...]) -> tuple[tuple[Figure, Figure], ...]:
    """Figures that moved "from" one value "to" another ("dropped from an average of 25
    days … to 16.9"): the later figure is what the earlier one became."""
    found = []
    for i, first in enumerate(figures):
        if not _FROM.search(text[max(0, first.start - 30) : first.start]):
            continue
        later = [
            f
            for f in figures[i + 1 :]
            if f.percent == first.percent and _TO.search(text[max(0, f.start - 6) : f.start])
        ]
        if later:
            found.append((first, later[0]))
    return tuple(found)


_MOVED = {
    "fall": re.compile(
        r"\b(?:go(?:ne|es|ing)?|went|c[oa]me|coming)\s+down\b|\bdown\s+from\b", re.I
    ),
    "rise": re.compile(r"\b(?:go(?:ne|es|ing)?|went|c[oa]me|coming)\s+up\b|\bup\s+from\b", re.I),
}
"""Phrases that say which way something moved ("has gone down from seven to none")."""


def _directions(text: str, lowered: list[str]) -> frozenset[str]:
    """Which ways the text says something moved, by a word or a phrase."""
    return frozenset(
        way for way, said in DIRECTIONS.items() if said & set(lowered) or _MOVED[way].search(text)
    )


def _ordinals(lowered: list[str]) -> frozenset[tuple[int, str]]:
    """Each ordinal word with the stem of the word it counts ("second time")."""
    return frozenset(
        (ORDINALS[word], stem(lowered[i + 1]))
        for i, word in enumerate(lowered[:-1])
        if word in ORDINALS
    )


_MONEY_AFTER = re.compile(
    r"\s*(?:(?:million|billion|bn)\s+)?(?:pounds?|pence|euros?|dollars?)\b", re.I
)
"""The words that make a figure a sum of money when no currency sign leads it."""


def _figures(text: str, dates: tuple[DateMention, ...]) -> list[Figure]:
    """Numbers that are not part of a date, each bound to the date it is given for."""
    found = []
    days = yearless_days(text)
    for match in _FIGURE.finditer(text):
        if any(d.start <= match.start() < d.end for d in dates):
            continue
        if any(start <= match.start() < end for start, end in days):
            continue  # "from 14 January to 1 February": days, not counts
        if labels_at(text, match.start()):
            continue  # "see page 14", "Section 47": a label, not a count
        if _SINGLING.search(text[: match.start()]) and match.group().lower() == "one":
            continue  # "the one target still stubborn", "every one of them": no count
        raw = match.group()
        signed = text[max(0, match.start() - 1) : match.start()] in _CURRENCY  # "£10m"
        if match.group("num") and re.match(r"0\d", raw):
            continue  # a telephone number or a code, not a quantity
        if _SECTION_NUMBER.match(text[match.start() :]) and not text[: match.start()].strip():
            continue  # "1.2 The purpose of this report …": a section's number
        if raw.lower() == "one" and _QUANTIFIED.search(text[: match.start()]):
            continue  # "every one of its judgements": a whole, not a count of one
        if match.group("none"):
            value = 0.0
        elif match.group("num"):
            value = float(match.group("num").replace(",", ""))  # "£10m" as "£10 million"
            scale = (match.group("scale") or "").lower()
            if scale and not signed:
                continue  # "a 2m wall": no sum of money
            value *= 1000 if scale == "k" else 1  # "£10k" is 10,000
        elif match.group("compound"):
            tens, units = re.split(r"[-\s]", raw.lower())
            value = NUMBER_WORDS[tens] + NUMBER_WORDS[units]
        else:
            value = NUMBER_WORDS[raw.lower()]
        unit = _PERCENT.match(text, match.end())
        end = unit.end() if unit else match.end()
        money = signed or bool(_MONEY_AFTER.match(text, match.end()))
        found.append(
            Figure(text[match.start() : end], value, bool(unit), match.start(), end, money=money)
        )
    found += _fractions(text, found)
    found.sort(key=lambda f: f.start)
    bound = [_bound(f, found, dates, text) for f in found]
    tokens = list(_TOKEN.finditer(text))  # once for all the figures
    return [_with_context(f, bound, dates, text, tokens) for f in bound]


_SHARE_WORDS = (
    r"\b(?P<frac>half|(?:a|one)\s+third|(?:a|one)\s+quarter|two\s+thirds|three\s+quarters)"
)
_FRACTION = re.compile(rf"{_SHARE_WORDS}\s+of\s+(?:(?:the|our|its|their|these|those)\s+)?$", re.I)
"""A share written just before a figure ("half of our eight")."""


def _fractions(text: str, figures: list[Figure]) -> list[Figure]:
    """The count a share of a figure makes ("half of our eight targets": 4), where the share
    is written; a share of no figure is a percentage ("a quarter of cases": 25 per cent)."""
    found = []
    counted = set()
    for figure in figures:
        share = _FRACTION.search(text[max(0, figure.start - 30) : figure.start])
        if share is None or figure.percent:
            continue
        start = figure.start - len(share.group())
        counted.add(start)
        value = figure.value * FRACTIONS[share.group("frac").split()[-1].lower()]
        found.append(
            Figure(share.group("frac"), value, False, start, start + len(share.group("frac")))
        )
    for share in _SHARE.finditer(text):
        if share.start() not in counted:
            value = 100 * FRACTIONS[share.group("frac").split()[-1].lower()]
            found.append(Figure(share.group("frac"), value, True, share.start(), share.end()))
    return found


_SHARE = re.compile(rf"{_SHARE_WORDS}(?=\s+of\b)", re.I)
"""A share of anything ("a quarter of cases")."""


_SENTENCE_END = re.compile(r"[.;:!?]\s")
_QUANTIFIED = re.compile(r"\b(every|each|any|no)\s+$", re.I)
_PART_OF = re.compile(
    r"^\s+(?:[\w’'-]+\s+){0,2}?(?:out\s+)?of(?:\s+(?:the|these|those|its|their))?\s+$", re.I
)
"""What joins a part to its whole ("Ten of the twelve"): the part is counted as the whole is."""


def _with_context(
    figure: Figure,
    figures: list[Figure],
    dates: tuple[DateMention, ...],
    text: str,
    tokens: list[re.Match[str]],
) -> Figure:
    """The figure with the stems of the words near it that say what it counts, up to a
    sentence end or another figure ("Ten of the twelve recommendations": a whole is read
    through), and the first of them after it, its noun."""
    taken = [(f.start, f.end) for f in figures] + [(d.start, d.end) for d in dates]
    wholes = {(f.start, f.end) for f in figures}  # a part's whole is a figure, never a date
    after = _reach(text, tokens, figure.end, taken, wholes, forward=True)[:FIGURE_REACH_AFTER]
    before = _reach(text, tokens, figure.start, taken, wholes, forward=False)
    before = before[:FIGURE_REACH_BEFORE]
    nouns = _content(after, degree=False)
    after, before = _content(after), _content(before)
    return replace(figure, context=frozenset(after + before), noun=nouns[0] if nouns else None)


def _content(words: list[str], *, degree: bool = True) -> list[str]:
    """Stems of the lower-case words that are neither stop words nor facts: names say whom
    a sentence is about, not what its figure counts. A degree word does say it ("Ten …
    fully implemented", not "two … being implemented")."""
    return [
        stem(w)
        for w in words
        if w.lower() not in STOPWORDS
        and (w.lower() not in FACT_WORDS or (degree and w.lower() in DEGREE_WORDS))
        and w[0].islower()
    ]


def _reach(
    text: str,
    matches: list[re.Match[str]],
    at: int,
    taken: list[tuple[int, int]],
    wholes: set[tuple[int, int]],
    *,
    forward: bool,
) -> list[str]:
    """Words from `at` onwards (or backwards), nearest first, until a sentence end or a
    figure or date; a whole right after "of the" is stepped over."""
    if forward:
        sequence = [m for m in matches if m.start() >= at]
    else:
        sequence = [m for m in reversed(matches) if m.end() <= at]
    found: list[str] = []
    if forward:  # "four-year-old": the rest of the figure's own word says what it counts
        found += [
            part
            for m in matches
            if m.start() < at < m.end()
            for part in text[at : m.end()].split("-")
            if part
        ]
    position, stepped = at, (-1, -1)
    for match in sequence:
        gap = text[position : match.start()] if forward else text[match.end() : position]
        if _SENTENCE_END.search(gap + " "):
            break
        span = next(((s, e) for s, e in taken if s <= match.start() < e), None)
        if span is not None:
            whole = span in wholes and _PART_OF.match(text[at : match.start()])
            if span == stepped or (forward and whole):
                stepped, position = span, match.end()
                continue
            break
        found.append(match.group())
        position = match.end() if forward else match.start()
    return found


def _bound(
    figure: Figure, figures: list[Figure], dates: tuple[DateMention, ...], text: str
) -> Figure:
    """Bind a figure to the date written right after it, else to the clause's opening date.

    "23 per cent in December 2009" binds forwards; "In April 2010 the rate stood at
    15 per cent" binds backwards, provided no other figure sits between the two and the
    date does not close a range. An age ("16-month-old") is nobody's measurement: unbound.
    """
    if is_age(figure, text):
        return figure
    for mention in dates:
        gap = text[figure.end : mention.start]
        if mention.start >= figure.end and (BIND_GAP.match(gap) or _PER_UNIT_GAP.match(gap)):
            return _with_date(figure, mention.value)
    before = [d for d in dates if d.end <= figure.start]
    if len(before) >= 2 and _RANGE_JOIN.match(text[before[-2].end : before[-1].start]):
        return figure  # "between December 2009 and April 2010 … from 23 to 15 per cent"
    if before:
        last = before[-1]
        between = [f for f in figures if last.end <= f.start < figure.start]
        after = [d for d in dates if d.start >= figure.end]
        if not between and not (after and BIND_GAP.match(text[figure.end : after[0].start])):
            return _with_date(figure, last.value)
    return figure


_AGE_AFTER = re.compile(r"[\s-]*(?:years?|months?|weeks?|days?)[\s-]*old\b", re.I)
"""What follows a figure giving someone's age ("16-month-old", "two years old")."""


def is_age(figure: Figure, text: str) -> bool:
    """The figure gives someone's age ("four-year-old"): it counts nothing."""
    return bool(_AGE_AFTER.match(text[figure.end :]))


_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|-|–|—)\s*$", re.I)
"""Between the two ends of a range: a figure after it is of neither end alone."""
_PER_UNIT_GAP = re.compile(
    r"^\s*(?:days?\s+)?per\s+[\w\s-]{1,60}?\s+(?:between|from|in|during)\s+$", re.I
)
"""A rate's unit between a figure and its period ("25 days per full-time equivalent member
of staff between July 2008 – July 2009"): the figure is given for that period."""


def _with_date(figure: Figure, value: str) -> Figure:
    return Figure(figure.text, figure.value, figure.percent, figure.start, figure.end, value)


_CLAUSE_END = re.compile(r"[,;:.()\[\]—–]")
"""Where a negation's reach ends: "not made public, following a review" denies no review."""


_UNTIL = re.compile(r"\b(?:until|till)\b", re.I)


def _negations(text: str, subject: set[str]) -> list[str]:
    """Negation words followed closely by a subject word ("none of the improvements")."""
    text = _TO_NONE.sub(" ", text)  # "down from seven to none" is a quantity, not a denial
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        lowered = token.lower().replace("’", "'")
        if lowered not in NEGATIONS and not lowered.endswith("n't"):
            continue
        clause = _CLAUSE_END.split(text[match.end() :], maxsplit=1)[0]  # a comma ends it
        if _UNTIL.search(clause):
            continue  # "did not start … until April 2017": it started then, not a denial
        reach = _TOKEN.findall(clause)[:NEGATION_REACH]
        if any(stem(word) in subject for word in reach):
            found.append(token)
    return found


def nearest_grade(claim: str, evidence: str, subject: set[str]) -> str | None:
    """The evidence's grade for what the claim grades, when the evidence gives several.

    The claim's grade qualifies its nearest subject word ("safeguarding adequate");
    in the evidence the grade nearest that word counts ("“inadequate” for
    safeguarding"), not another grade of the same sentence ("adequate" overall).
    None when the claim gives no single grade or no word of it is in the evidence within
    GRADE_REACH words of a grade.
    """
    claimed = [(i, w) for i, w in enumerate(_tokens(claim)) if w.lower() in GRADES]
    if len(claimed) != 1:
        return None
    at = claimed[0][0]
    words = [
        (abs(i - at), stem(w))
        for i, w in enumerate(_tokens(claim))
        if stem(w) in subject and not w[0].isupper()  # a name says whose, not what is graded
    ]
    tokens = _tokens(evidence)
    grades = [i for i, w in enumerate(tokens) if w.lower() in GRADES]
    for _distance, term in sorted(words):
        places = [i for i, w in enumerate(tokens) if stem(w) == term]
        if not places or not grades:
            continue
        best = min(grades, key=lambda g: min(abs(g - p) for p in places))
        if min(abs(best - p) for p in places) <= GRADE_REACH:
            return tokens[best].lower()
    return None


GRADE_REACH = 6
"""A grade qualifies a word this many words away at most: in "provision for the city's
2,000 children in care was praised by inspectors who judged many areas “good”", "good"
is not the city's grade."""


def _tokens(text: str) -> list[str]:
    """Words and figures, with a two-word grade as one word."""
    return [m.group() for m in _TOKEN.finditer(_GRADE_PHRASE.sub(REQUIRES_IMPROVEMENT, text))]


def without_grade_phrases(text: str) -> str:
    """The text without its two-word grades, whose words say a grade, not a subject."""
    return _GRADE_PHRASE.sub(" ", text)


def grade_label(grade: str) -> str:
    """A grade as a reader writes it."""
    return grade.replace("-", " ")


def overlaps(value: str, start: str, end: str) -> bool:
    """Whether a normalised date falls (at least partly) inside [start, end]."""
    first, last = date_bounds(value)
    return first <= end and start <= last

"""Question analysis: the terms worth matching, the names asked about, the period asked for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.answer.figures import unit_of
from assistant.answer.intent import AnswerType, answer_type
from assistant.answer.tokens import phrasal_meanings, stem, words
from assistant.conversation.words import RECORD_NOUNS, is_verb, names_record
from index import DateMention, date_bounds, find_dates

_STOPWORDS_TEXT = """
    a about above after again all also am an and any are as at be been before being
    below between both but by can could did do does doing done during each few for from
    further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out
    over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours tell please give show list
    say says said according records record many much happen happened know document
    take takes took taken place go goes went gone prove proves proving proved proven
    seem seems seemed
    documents afterwards afterward later subsequently eventually meanwhile going
    actually exactly really precisely specifically roughly approximately ever formally
    officially main
    straight immediately shortly soon next yet
    timeline article story release either neither whether whose
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WHEN = re.compile(
    r"^\s*((on|in) )?"
    r"(when|what (date|day|month|year)s?|which (date|day|month|year)s?)\b",
    re.I,
)
_MONTHS_TEXT = """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
"""
_MONTHS = frozenset(_MONTHS_TEXT.split())
_UNIT_FRAME = {
    "duration": frozenset(
        {"long", "last", "lasts", "lasted", "lasting", "spend", "spends", "spent", "spending"}
    ),
    "age": frozenset({"old", "age", "aged"}),
    "share": frozenset({"share", "percentage", "proportion"}),
}
"""Words that only frame the figure asked for ("how long did it last?"), by its unit."""
_NAMING = frozenset({"name", "names", "named", "called", "become", "became", "becomes"})
_HOLDING = re.compile(
    r"\b(?:hold|holds|held|holding|occupie[sd]|occupy|fill|fills|filled)\s+(?:the\s+)?"
    r"(?:post|position|role|office|job)\s+of\b",
    re.I,
)
"""Words that only frame the office asked about ("Who holds the post of director?")."""
_STAND_IN = re.compile(r"\b(?:person|one)\s+(?=who\b)", re.I)
"""A word standing in for a name a follow-up could not give ("the person who was the
director"): what the clause after it says is what a record holds."""
_MANNER = re.compile(r"\bon\s+an?\s+[\w-]+\s+(basis)\b", re.I)
"""A word only framing the manner ("on an interim basis"): the word before it says it."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this"})


def _first_time(previous: str, following: str) -> bool:
    """ "first" as an adverb before a verb ("she first took"), not an ordinal of a thing
    ("the first report"): it asks for the first time, which the verb's date tells."""
    return previous.lower() not in _DETERMINERS and is_verb(following)


_CHOOSING_TEXT = """
    picked chosen selected named tapped hired drafted brought asked invited meant supposed
    expected required told tasked directed instructed
"""
_CHOOSING = frozenset(_CHOOSING_TEXT.split())
"""Verbs of choosing someone "to" do or "as" something, or of what they are "to" do ("What
is she meant to do?"): what follows is what is asked."""
_LISTING_TEXT = """
    list listed lists mention mentions mentioned give gave given parts aspects elements strands
"""
_LISTING = frozenset(_LISTING_TEXT.split())
_SUMMING_TEXT = "summarise summarize summarised summarized summary overview outline"
_SUMMING = _LISTING | frozenset(_SUMMING_TEXT.split())
_OCCURRING_TEXT = """
    run runs ran occur occurs occurred held hold holds carried conducted scheduled planned
    become became becomes
"""
_OCCURRING = frozenset(_OCCURRING_TEXT.split())
"""Verbs that only say an event took place ("When did the inspection run?"): a record gives
the dates ("from 28 June to 9 July")."""
_TAKE = frozenset({"take", "takes", "took", "taken", "taking"})
_TAKEN_OVER = frozenset({"over", "charge"})
"""'Who did she take over from?': a light verb that, with its particle, says what was done
(a record says "takes over as director"); alone it says little."""


def _next_word(tokens: list[tuple[int, int, str]], index: int) -> str:
    return tokens[index + 1][2].lower() if index + 1 < len(tokens) else ""


_KIND_FRAME = {
    "date": _OCCURRING,
    "person": _NAMING,
    "agent": _NAMING,
    "body": _NAMING,
    "list": _LISTING,
    "summary": _SUMMING,
}
"""Words that only frame the name asked for ("what is the name of the minister?"), the date
of an event ("when did it run?"), or the list or summary ("Summarise the improvements",
"the steps listed in the report")."""
_NUMERIC = re.compile(
    r"\bhow (many|much)\b|\bwhat (percentage|proportion|number|rate|figure|share)\b", re.I
)
_OPEN_END = re.compile(r"\b(before|until|till|by|as of|after|since|from)\s+$", re.I)
_AROUND_EVENT = re.compile(
    r"\b(before|after|following|prior to|ahead of)\s+(the|its|their|his|her|that)\s+$", re.I
)
"""A year or month naming an event the question dates by ("after the 2015 review", "the
December 2008 judgement"): the event is in it, so the period runs from (or up to) all of it."""
DOCUMENTS = RECORD_NOUNS
"""Nouns of a record made by someone: "the report by the Board" says who wrote it."""
_LATEST = re.compile(r"\b(latest|most recent|currently|current|now|newest)\b", re.I)
_ROLE_ASKED_TEXT = """
    job jobs post posts role roles position positions title office portfolio hold held given
    appointed
"""
_ROLE_ASKED = frozenset(_ROLE_ASKED_TEXT.split())
_BODY_ASKED_TEXT = """
    body bodies firm firms company companies organisation organisations organization
    organizations agency agencies
"""
_BODY_ASKED = frozenset(_BODY_ASKED_TEXT.split())
_GRADE_ASKED_TEXT = """
    rating ratings rated rate grade grades graded judgement judgements judgment judgments
    verdict verdicts
"""
_GRADE_ASKED = frozenset(_GRADE_ASKED_TEXT.split())
_PART_ASKED = frozenset({"part", "parts", "aspect", "aspects"})
"""Nouns a "which part of the service …?" question asks with: a record names the part."""
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor"})
"""A title before a name: a record may name the same person without it ("Ms Doe" is
"Jane Doe, the chair")."""
_RECORD_NOUN = (
    r"\b(?:report|reports|plan|statement|review|letter|summary|timeline|minutes|update|"
    r"release|article|account|findings)\b"
)
_SOURCE = re.compile(
    rf"(?:\baccording to|\brelative to|\bgoing by|^\s*in|"
    rf"\b(?:listed|mentioned|named|given|set out|reported) in) "
    rf"(?:(?:the|its|their|his|her|a) )?([^,;?]*?{_RECORD_NOUN})",
    re.I,
)
"""A clause naming where the answer is written ("according to the council's improvement
plan", "in its 2014 report", "listed in the July 2010 press release"): its words describe
the record, not the sentence."""
_SOURCE_SAYING = re.compile(
    rf"\b(?:did|does|do|has|have|had) (?:the|its|their|his|her|a|an|this|that) "
    rf"((?:(?!(?:in|of|on|for|by|about|who|which|that)\b)[\w'’-]+\s+){{0,3}}{_RECORD_NOUN}) "
    r"(?:say|give|find|record|state|list|describe|conclude|show|"
    r"reveal|note|identify|highlight|set out)\b",
    re.I,
)
"""A record that is the subject saying the answer ("What did the review give as the
causes?"): its page names it; the sentence need not."""
_ASKING = frozenset({"what", "who", "whom", "when", "where", "which", "why", "how", "did", "was"})
_PERIOD_FRAME = frozenset({"start", "beginning", "end", "early", "late", "mid", "middle"})
"""Words that only place a date ("at the start of 2020", "late-2009"): the date is asked."""
EARLIEST, LATEST = "0001-01-01", "9999-12-31"
PRECISION = {"year": 1, "month": 2, "day": 3}


@dataclass(frozen=True)
class Period:
    """A period asked about: inclusive ISO bounds, how precise it was given, and as written."""

    start: str
    end: str
    precision: int
    label: str
    bounds: bool = True  # an open end bounds every other period ("before 2010"); one
    # around an event ("after the 2015 review") is an alternative like a plain date
    names_record: bool = False  # "the 2014 review": which record, dated by its page


@dataclass(frozen=True)
class Question:
    """What the evidence must match: weighted terms, named bodies, and periods."""

    text: str
    terms: tuple[str, ...]
    term_words: tuple[str, ...]  # one written form per term, to look its frequency up
    names: tuple[str, ...]
    periods: tuple[Period, ...]
    asks_when: bool
    asks_number: bool
    asks_latest: bool = False
    kind: AnswerType = "any"
    unit: str | None = None  # for "how many/much/long" questions: what the figure counts
    source_terms: frozenset[str] = frozenset()  # terms naming the record asked ("plan")
    record_periods: tuple[Period, ...] = ()  # "the March 2010 statement": the record's date
    action: str | None = None  # the stem of the verb asked about ("find" in "What did … find?")
    authoring: str | None = None  # the stem of "wrote" in "Who wrote the report?"

    @property
    def period_labels(self) -> tuple[str, ...]:
        """The periods as the question wrote them (with "before", "since", ...)."""
        return tuple(p.label for p in self.periods)


def analyse(
    text: str, *, day_first: bool = True, asking: str | None = None, records: bool = True
) -> Question:
    """Split a question into content terms, capitalised names and date periods; `asking` is
    the wording that says what answer is wanted, when `text` adds words to it (a part of a
    longer question, read with the whole question's words). With `records`, a date in the
    clause naming the record ("in the March 2010 statement") dates the record, not the
    answer (a claim keeps every date its own)."""
    mentions = find_dates(text, day_first=day_first)
    in_date = [(m.start, m.end) for m in mentions]
    source = _source_span(text) if records else None
    wording = asking or text
    kind = answer_type(wording)
    unit = unit_of(wording)
    frame = _UNIT_FRAME.get(unit or "", frozenset()) | _KIND_FRAME.get(kind, frozenset())
    terms: dict[str, str] = {}
    names: list[str] = []
    tokens = words(text)
    holding = [m.span() for m in _HOLDING.finditer(text)]
    holding += [m.span() for m in _SET_ASIDE.finditer(text)]
    holding += [m.span() for m in _STAND_IN.finditer(text)]
    holding += [m.span(1) for m in _MANNER.finditer(text)]
    phrasal = {start: (end, meaning) for start, end, meaning in phrasal_meanings(text)}
    particles: set[int] = set()
    for index, (start, end, word) in enumerate(tokens):
        lowered = word.lower()
        if start in phrasal:  # "stepped in": a record saying "intervened" holds it
            last, meaning = phrasal[start]
            terms.setdefault(meaning, text[start:last])
            particles.add(last)
            continue
        if end in particles:
            continue
        taking_over = lowered in _TAKE and _next_word(tokens, index) in _TAKEN_OVER
        if any(start < e and s < end for s, e in in_date) or (
            lowered in STOPWORDS and not taking_over
        ):
            continue
        if lowered.endswith(("n't", "n’t")):
            continue  # "wasn't", "didn't": an auxiliary and its negation, no word to match
        if kind == "role" and lowered in _ROLE_ASKED:
            continue  # "what post did she hold?" asks for a role; a record names the role
        if kind == "body" and lowered in _BODY_ASKED:
            continue  # "which firm …?" asks for a body; a record names it, not "firm"
        if kind == "grade" and lowered in _GRADE_ASKED:
            continue  # "what rating did it get?" asks for a grade; a record gives one
        previous = tokens[index - 1][2] if index else ""
        if lowered == "first" and _first_time(previous, _next_word(tokens, index)):
            continue  # "When did she first take the job?": when she took it
        if lowered in _PART_ASKED and previous.lower() in ("which", "what"):
            continue  # "which part of X needs work?": the record names the part
        letter = len(word) == 1 and word.isupper() and previous[:1].isupper()  # "Child K"
        if lowered in _MONTHS or (len(lowered) < 2 and not letter) or _LATEST.fullmatch(lowered):
            continue
        if lowered in frame or (lowered == "far" and previous.lower() == "how"):
            continue  # "how long did it last?", "how far has it fallen?" ask for a figure
        if lowered in _PERIOD_FRAME and _places_date(tokens, index, in_date):
            continue
        following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        if lowered.rstrip(".") in _COURTESY_TITLES and following[:1].isupper():
            continue  # "Ms Doe", not "the councillor" or "which Councillor", asking a role
        after = tokens[index + 2][2].lower() if index + 2 < len(tokens) else ""
        framed = following.lower() in ("to", "as") or (
            following.lower() == "in" and after in ("to", "as")
        )
        if lowered in _CHOOSING and framed:
            continue  # "Who was picked to chair …?", "brought in to head …": what for is asked
        if any(s <= start < e for s, e in holding):
            continue  # "Who holds the post of director?": the post is what is asked
        if lowered == "charge" and previous.lower() == "in":
            terms.setdefault(stem("lead"), "lead")  # "who was in charge?": not "charged with"
            continue
        terms.setdefault(stem(word), _bare(word))
        if index > 0 and word[0].isupper() and not _months_only(word):
            names.append(_bare(_NAMED_PART.sub("", word)))
    return Question(
        text=text,
        terms=tuple(terms),
        term_words=tuple(terms.values()),
        names=tuple(dict.fromkeys(names)),
        periods=_periods(text, [m for m in mentions if not _in(m, source)], ranges=records),
        record_periods=tuple(_period(text, m) for m in mentions if _in(m, source)),
        asks_when=bool(_WHEN.search(wording)),
        asks_number=bool(_NUMERIC.search(wording)),
        asks_latest=bool(_LATEST.search(wording)),
        kind=kind,
        unit=unit,
        source_terms=frozenset(terms) & _source_stems(text),
        action=_action(wording, frozenset(terms)),
        authoring=_authoring(wording, frozenset(terms)),
    )


_ASKED_DOING = re.compile(
    r"^\s*(?:what|how|why|where|when|who)\s+(?:did|does|do|will|would|has|have|had)\s+(.*)$",
    re.I,
)


_COUNTED_DONE = re.compile(
    r"^\s*how many\b.*?\b(?:were|was|have been|has been|had been)\s+(?:\w+ly\s+)?(\w+ed)\b",
    re.I,
)
"""A "How many … were dismissed?" question: what was done to those counted is asked."""


def _action(wording: str, terms: frozenset[str]) -> str | None:
    """The verb a "What did … find?" question asks about: the first verb after its
    auxiliary and subject (a term, so not "say"); or what was done to those a "How many
    … were dismissed?" question counts."""
    counted = _COUNTED_DONE.match(wording)
    if counted is not None and stem(counted.group(1)) in terms:
        return stem(counted.group(1))
    found = _ASKED_DOING.match(wording)
    if found is None:
        return None
    for _, _, word in words(found.group(1)):
        if is_verb(word) and word not in LIGHT_VERBS and stem(word) in terms:
            return stem(word)
    return None


_AUTHORING_TEXT = """
    write writes wrote written produce produces produced author authors authored compile
    compiled prepare prepared draft drafted conduct conducted undertake undertook undertaken
    carry carried lead leads led
"""
AUTHORING = frozenset(_AUTHORING_TEXT.split())


def _authoring(wording: str, terms: frozenset[str]) -> str | None:
    """The verb of making a record a question asks about ("Who wrote the report?",
    "Which body produced the review?"): "the report by X" answers it without the verb."""
    found = [w.lower() for _, _, w in words(wording)]
    if not DOCUMENTS & set(found):
        return None
    verbs = [stem(w) for w in found if w in AUTHORING and stem(w) in terms]
    return verbs[0] if verbs else None


_LIGHT_VERBS_TEXT = """
    go goes went gone get gets got make makes made do does done take takes took come comes
    came put give gives gave have has had
"""
LIGHT_VERBS = frozenset(_LIGHT_VERBS_TEXT.split())
"""Verbs that say little by themselves ("When did inspectors go to …?"): a record says
"visited"; the question's other words carry it."""


def _places_date(
    tokens: list[tuple[int, int, str]], index: int, in_date: list[tuple[int, int]]
) -> bool:
    """Whether the word at `index` leads into a date ("start of 2020", "late 2009")."""
    for start, _end, word in tokens[index + 1 : index + 4]:
        if any(s <= start < e for s, e in in_date):
            return True
        if word.lower() not in {"of", "the", "in"}:
            return False
    return False


def _source_stems(text: str) -> frozenset[str]:
    """Stems of the words of the question's source clause ("according to …")."""
    span = _source_span(text)
    saying = _SOURCE_SAYING.search(text)
    if span is None and saying is not None:
        span = saying.start(1), saying.end(1)  # its year may be a later page's recollection
    if span is None:
        return frozenset()
    return frozenset(stem(w) for _, _, w in words(text[span[0] : span[1]]))


def _source_span(text: str) -> tuple[int, int] | None:
    """Where the question's source clause names its record ("the March 2010 statement")."""
    found = _SOURCE.search(text)
    if found is None:
        return None
    if any(w.lower() in _ASKING for _, _, w in words(found.group(1))):
        return None  # "in 2014 what did the report say": the question, not a source
    return found.start(1), found.end(1)


def _in(mention: DateMention, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= mention.start < span[1]


def _period(text: str, mention: DateMention) -> Period:
    """The period a date in a question stands for; "before 2010" is open-ended."""
    start, end = date_bounds(mention.value)
    precision = PRECISION[mention.precision]
    written = text[mention.start : mention.end]
    marker = _OPEN_END.search(text[: mention.start])
    naming = mention.precision != "day"  # "after the 2015 review", "the December 2008 one"
    event = _AROUND_EVENT.search(text[: mention.start]) if naming else None
    if event is not None:
        if event.group(1).lower() in {"before", "prior to", "ahead of"}:
            return Period(EARLIEST, end, precision, f"up to {written}", bounds=False)
        return Period(start, LATEST, precision, f"{written} or later", bounds=False)
    if marker is None:
        names = names_record(text[: mention.start], text[mention.end :])
        return Period(start, end, precision, written, names_record=names)
    word = marker.group(1).lower()
    label = f"{word} {written}"
    if word == "before":
        return Period(EARLIEST, _shift(start, -1), precision, label)
    if word in {"by", "until", "till", "as of"}:
        return Period(EARLIEST, end, precision, label)
    if word == "after":
        return Period(_shift(end, 1), LATEST, precision, label)
    return Period(start, LATEST, precision, label)  # since, from


_RANGE_OPENS = re.compile(r"\b(between|from)\s+(the\s+)?$", re.I)
_RANGE_JOINS = re.compile(r"^\s*(and|to|until|till|-|–|—)\s*(the\s+)?$", re.I)


def _periods(text: str, mentions: list[DateMention], *, ranges: bool) -> tuple[Period, ...]:
    """The periods the question's dates stand for; with `ranges`, "between November 2009
    and January 2010" (or "from … to …") is one period running from the first to the
    second (a claim keeps one period per date, each checked on its own)."""
    found: list[Period] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        opens = _RANGE_OPENS.search(text[: first.start])
        joined = second is not None and _RANGE_JOINS.match(text[first.end : second.start])
        if ranges and opens and second is not None and joined:
            start, end = date_bounds(first.value)[0], date_bounds(second.value)[1]
            precision = min(PRECISION[first.precision], PRECISION[second.precision])
            label = f"{opens.group(1).lower()} {text[first.start : second.end]}"
            found.append(Period(start, end, precision, label))
            index += 2
            continue
        found.append(_period(text, first))
        index += 1
    return tuple(found)


def _shift(iso_day: str, days: int) -> str:
    return (date.fromisoformat(iso_day) + timedelta(days=days)).isoformat()


_SET_ASIDE = re.compile(
    r"\b(?:apart from|aside from|other than|except(?: for)?|excluding)\s+[^,?;]+",
    re.I,
)
"""What a question sets aside ("Apart from the review's recommendations, how many …"):
not what the answer must hold."""
_NAMED_PART = re.compile(r"-[a-z]+$")
"""What a hyphen adds to a name ("Northtown-related", "Ofsted-rated"): not the name."""


def _months_only(word: str) -> bool:
    """ "November-December": a span of months, which no record need write as one word."""
    return all(part.lower() in _MONTHS for part in re.split(r"[-–/]", word))


def _bare(word: str) -> str:
    """A word without its possessive, as the keyword index stores it."""
    return re.sub(r"['’]s?$", "", word)


_MEASURED = re.compile(
    r"\b((?:[A-Za-z][a-z-]+\s+){1,2})(rates?|levels?|ratios?|percentages?|figures?)\b"
)
_NOT_MODIFIERS = frozenset({"the", "a", "an", "its", "their", "this", "that", "what", "which"})


_QUALIFIERS_TEXT = """
    current recent new previous last final official provisional national overall average
    total annual monthly weekly local available published
"""
_QUALIFIERS = frozenset(_QUALIFIERS_TEXT.split())
"""Words before a measure that say which figures, not what they measure ("latest figures")."""


def _says_what_is_measured(word: str) -> bool:
    """A word before a measure naming what it measures ("vacancy"), not a qualifier
    ("latest", "current"), a month or a function word."""
    if word in _NOT_MODIFIERS | STOPWORDS | _QUALIFIERS or word in _MONTHS:
        return False
    return not (word.endswith("est") and len(word) > 5)  # "latest", "highest"


def measures(text: str) -> dict[str, tuple[str, ...]]:
    """What each measure a text names is of ("social care vacancy rate"): measure stem ->
    the stems of the words before it, in order; the last says what is measured."""
    found: dict[str, tuple[str, ...]] = {}
    for m in _MEASURED.finditer(text):
        of = [stem(w) for w in m.group(1).lower().split() if _says_what_is_measured(w)]
        if of:
            measure = stem(m.group(2))
            found[measure] = found.get(measure, ()) + tuple(of)
    return found


_PUBLISHING = frozenset({stem(w) for w in ("published", "issued", "released")})
_RECORD_NOUNS = frozenset({"statement", "release", "report", "letter", "announcement", "news"})
"""Nouns naming a record itself: "When was the statement … published?" asks its date."""


def asks_its_date(question: Question, title: str) -> bool:
    """ "When was the statement on the sentencing published?", quoting a record whose title
    names it ("Statement following sentencing …"): the record's own date answers, not a
    date its sentence mentions."""
    if not _PUBLISHING & set(question.terms):
        return False
    asked = {w.lower() for _, _, w in words(question.text)}
    titled = {w.lower() for _, _, w in words(title)}
    named = asked & titled & _RECORD_NOUNS
    shared = {stem(w) for w in titled} & set(question.terms) - _PUBLISHING
    return bool(named) and len(shared) >= 2

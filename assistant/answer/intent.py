"""What kind of answer a question wants (a person, a date, a figure, a list) and its parts.

The type is read from the question's wording alone, so it carries to any council's records;
a sentence satisfies it by its shape (a name, a date, a number), never by a list of names.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.answer.figures import gives_figure
from assistant.answer.tokens import stem
from assistant.conversation.words import FUNCTION_WORDS
from index import find_dates, month_number

AnswerType = Literal[
    "person",
    "agent",
    "body",
    "role",
    "grade",
    "date",
    "clock",
    "number",
    "list",
    "summary",
    "any",
]
SHAPED = frozenset({"person", "agent", "body", "role", "grade", "date", "clock", "number"})
"""Types whose answer must show its shape in the quote or the context shown with it."""

_BODY_NOUNS = (
    r"firm|company|organi[sz]ation|body|agency|council|authority|charity|consultancy|"
    r"consultants?|trust|board|department|partner|provider|inspectorate|court|government|"
    r"office|building|centre|center|premises|venue|headquarters"
)
"""Nouns of a body or a named place asked for ("which firm", "which building"): a record
answers with its name."""
_BODY = re.compile(rf"\b(which|what|whose)\s+(\w+\s+)?({_BODY_NOUNS})\b", re.I)
_WHO = re.compile(
    r"^\s*(who|whom|whose)\b|(?<!person )(?<!one )\b(who|whom)\s+(was|were|is|did|had|has)\b",
    re.I,
)
"""A question asking who; not "the person who was …", a noun the question says more of."""
_PERSON_NOUNS = re.compile(
    r"\b(director|chairs?|chair(man|woman|person)|chaired|chief executive|minister|leader|"
    r"author|commissioner|manager|head|secretary|councillor|mayor|judge|inspector|officer|member|person|man|woman|"
    r"spokes(man|woman|person)|name)\b|"
    r"\bwho (wrote|chaired|led|said|resigned|was appointed|took over|succeeded|replaced)\b",
    re.I,
)
_WHEN = re.compile(
    r"(^|[,;]\s*|\band\s+)((in|on|by|during|from|since|until) )?"
    r"(when|(what|which) (date|day|month|year)s?|how long ago)\b",
    re.I,
)
_CLOCK_QUESTION = re.compile(
    r"\b(?:at\s+)?(?:what|which)\s+time\b(?!\s+(?:of\s+(?:the\s+)?year|period|frame|scale))"
    r"|\bwhat\s+hour\b",
    re.I,
)
"""'What time did the meeting end?': a time of day (not "what time of year")."""
_CLOCK = re.compile(
    r"\b\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\b\.?|hours?\b|hrs\b)?"
    r"|\b\d{1,2}\s*[ap]\.?m\b\.?|\bnoon\b|\bmidday\b|\bmidnight\b|\bo['’]clock\b",
    re.I,
)
"""A time of day as records write it ("06.25am", "2pm", "14:30", "noon")."""
_DATE_WORDS = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|spring|summer|autumn|winter|yesterday|today|tomorrow|tonight|"
    r"this (morning|afternoon|evening)|last (week|month|year)|"
    r"this (week|month|year)|next (week|month|year)|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|(19|20)\d\d|(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|a few) (day|week|month|year)s? ago)\b",
    re.I,
)
_NUMBER = re.compile(
    r"\bhow (many|much|long|often|old|far)\b|\bwhat age\b|\bby how much\b|"
    r"\bwhat (?:(?:daily|weekly|monthly|annual|yearly|hourly|average|total|overall)\s+)?"
    r"(percentage|proportion|number|rate|figure|share|amount|sum|total|cost|budget|salary|fee)\b|"
    r"^\s*what (is|was|were|are) (?:[\w'’-]+\s+){0,6}?(budget|cost|spending|amount|total)"
    r"(\s+(for|of|on)(\s+[\w'’-]+){1,5}?)?(\s+(in|for) \d{4})?\s*\?\s*$",
    re.I,
)
_SUMMARY = re.compile(
    r"^\s*(summari[sz]e|give (me )?an overview|outline|describe|what happened|what has happened|"
    r"what progress)\b|\b(in summary|main points|key points|overall)\b",
    re.I,
)
_LIST_NOUNS = (
    r"recommendations|options|areas|actions|steps|measures|changes|improvements|findings|"
    r"failings|failures|weaknesses|strengths|concerns|priorities|issues|problems|lessons|"
    r"reasons|services|things|points|criticisms|themes|agencies|bodies|organisations|evidence|"
    r"organizations|people|members"
)
_LIST = re.compile(
    rf"^\s*(list|name)\b|\b(which|what)\s+(\w+\s+){{0,2}}({_LIST_NOUNS})\b|"
    rf"\bwhat were the\b.*\b({_LIST_NOUNS})\b",
    re.I,
)
_WHICH_THING = re.compile(
    r"\b(which|what)\s+(?!(?:was|were|is|are|did|does|do|has|have|had|will|would|can|could|"
    r"should|may|might)\b)[a-z]{3,}\b",
    re.I,
)
"""'Which area …', 'what part …': a thing asked for by its noun, not 'what was …'."""
_COPULAS = frozenset({"were", "are"})
"""'What were the X': X is asked for. After 'did', 'have', 'should' … comes the subject."""
_AUXILIARIES = frozenset(
    {"did", "do", "does", "have", "has", "had", "will", "would", "could", "should", "can", "may"}
)
_PHRASE_ENDS = frozenset(
    {
        "when",
        "where",
        "if",
        "after",
        "before",
        "because",
        "while",
        "that",
        "who",
        "to",
        "for",
        "by",
        "in",
        "on",
        "of",
        "about",
        "with",
        "from",
        "at",
        "as",
        "than",
        "since",
        "during",
    }
)
_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "criteria"})
_NOT_PLURAL = re.compile(
    r"(ss|us|is|ics|[^a-z]s|'s|’s)$|^(always|towards|afterwards|perhaps|whereas|"
    r"besides|sometimes|news|series|means|was|does|this|thus|its|his|hers|yours|ours|theirs|"
    r"happens|remains|matters|follows|explains|seems|appears|says|shows|needs|makes|takes)$"
)
_PLURAL_REACH = 3
"""How many words after "which"/"what" (and an auxiliary) the thing asked for may come."""


def asks_for_several(question: str) -> bool:
    """'Which areas …', 'What were the outcomes …': the thing asked for is a plural noun."""
    tokens = re.findall(r"[\w'’-]+", question)
    for at, token in enumerate(tokens):
        if token.lower() not in ("which", "what"):
            continue
        after = tokens[at + 1 :]
        if after and after[0].lower() in _AUXILIARIES:
            return False
        if after and after[0].lower() in _COPULAS:
            after = after[1:]
        for word in after[: _PLURAL_REACH + 1]:
            if word.lower() in _PHRASE_ENDS or word.lower() in _AUXILIARIES:
                return False  # "Which building did the teams …": the teams are not asked for
            if word in _IRREGULAR_PLURALS or (
                word.islower()
                and len(word) > 3
                and word.endswith("s")
                and not _NOT_PLURAL.search(word)
            ):
                return True
        return False
    return False


_PART_SPLIT = re.compile(
    r"\?\s+(?=\S)|[,;]?\s+and\s+(?=(?:for |in |at |by |with |from )?"
    r"(?:who|whom|whose|what|when|where|which|how|why)\b)",
    re.I,
)
_NAME = re.compile(r"(?<![.!?]\s)\b([A-Z][A-Za-z'’]+(?:[\s-][A-Z][A-Za-z'’]+)*)\b")
_OFFICES = re.compile(
    r"(?<!\bto )\b(director|chair|chairs|chaired|chairman|chairwoman|chairperson|"
    r"chief executive|minister|leader|commissioner|manager|head|secretary|councillor|mayor|"
    r"judge|inspector|officer)\b",
    re.I,
)
"""Offices a "who" question may name: the answer must name the office too (not a verb:
"brought in to head the service" asks who, not for the word "head")."""
_DESCRIBING = re.compile(r"\b(senior|top|most|lead|leading|highest|responsible)\s+$", re.I)
"""Words that make an office a description ("the most senior officer for children"), not
the title a record gives ("Strategic Director")."""
_TITLES = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Baroness)\b\.?")
_ROLES = re.compile(
    r"\b(chief executive|director|minister|secretary of state|commissioner|chair(man|woman)?|"
    r"leader|inspector|author|head of|cabinet member|lead member|executive member|"
    r"portfolio holder|manager|consultant|judge|ofsted|chief inspector|officer|adviser|advisor|"
    r"president|mayor|councillor|spokesperson|spokesman|spokeswoman)\b",
    re.I,
)
_GRADE_QUESTION = re.compile(
    r"\bhow (did|do|does|was|were|is|are|has|have|had)\b[^?]*"
    r"\b(rate|rated|judge|judged|grade|graded)\b|"
    r"\bwhat ((was|were|is|are) (the |its |their |[\w-]+['’]s? )?)?([\w-]+ ){0,2}"
    r"(rating|grade|judgement|judgment|verdict)s?\b|"
    r"\b(rated|judged|graded)( as)? what\b|"
    r"^\s*what (was|were|is|are) [^?]*?\w+ (rated|judged|graded)\b|"  # not "what was judged …"
    # "What did Ofsted rate Northtown's services?", not "What did the vacancy rate fall to?"
    r"^\s*what (did|does|do) (the )?[\w'’-]+ (rate|grade) "
    r"(its|their|[\w-]+['’]s?\b|(?-i:[A-Z]))",
    re.I,
)
_GRADE_WORDS = (
    r"inadequate|requires? improvement|requiring improvement|required improvement|good|"
    r"outstanding|adequate|"
    r"satisfactory|excellent|poor|weak|serious weaknesses"
)
_GRADES = re.compile(rf"\b({_GRADE_WORDS})\b", re.I)
_ROLE_QUESTION = re.compile(
    r"\b(what|which) (job|post|role|position|title|office|portfolio)s? (did|does|do|has|had)\b|"
    r"\bwhat (job|post|role|position|title|office|portfolio)s?\b|"
    r"\b(job|post|role|position) (did|was|is|does|has|had)\b|"
    r"\bwhat (is|was|are|were) (his|her|their|(?-i:[A-Z][\w.-]*(?: [A-Z][\w-]*){1,3})['’]s|"
    r"the (author|chair|chairman|chairwoman|director|minister|leader|commissioner|inspector|"
    r"councillor|mayor|officer|chief executive)['’]s) (?:[a-z]+ )?(job|post|role|position|title)\b",
    re.I,
)


_NAME_OF = re.compile(r"\bwhat(?:['’]s| is| was| were| are) the names? of\b", re.I)
"""'What was the name of the director?': who, asked by name."""
_WHICH_PERSON = re.compile(
    r"^\s*(?:which|what)\s+(?:(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|"
    r"can|could|should)\b)[\w'’-]+\s+){0,2}?(?:director|chair(?:man|woman|person)?|"
    r"chief executive|minister|leader|commissioner|manager|councillor|mayor|judge|"
    r"inspector|officer|spokes(?:man|woman|person)|social worker)s?\b(?!['’])"
    r"(?=\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|"
    r"led|wrote|said|made|gave|took|ran|became|came|found|told|met|held|spoke|signed|"
    r"[a-z]+ed)\b|\W*$)",
    re.I,
)
"""'Which inspector led the visit?', 'What council leader …?': a person asked by role."""
_NAME_OF_BODY = re.compile(
    rf"{_NAME_OF.pattern}(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_BODY_NOUNS})\b(?!['’]|\s+(?:of|at|for)\b)",
    re.I,
)
"""'What was the name of the trust?': a body, asked by name (not 'of the board's chair')."""


def _picks_a_judgement(question: str) -> bool:
    """ "Which area wasn't rated good?": picked from a list of judgements, those given
    another (not "What percentage of homes were not good?", a figure)."""
    return bool(
        _WHICH_THING.search(question) and denied_grades(question) and not _NUMBER.search(question)
    )


def answer_type(question: str) -> AnswerType:
    """The shape an answer must have, from the question's wording."""
    if _GRADE_QUESTION.search(question) and not _NUMBER.search(question):
        return "grade"
    if _SUMMARY.search(question):
        return "summary"
    if _LIST.search(question) or _picks_a_judgement(question):
        return "list"  # "which area wasn't rated good?": picked from the list of judgements
    if _NUMBER.search(question):
        return "number"
    if _ROLE_QUESTION.search(question):
        return "role"
    if _WHICH_PERSON.search(question):
        return "person"  # "Which inspector led the visit?": a person, named
    if _BODY.search(question):
        return "body"
    if _NAME_OF_BODY.search(question):
        return "body"
    if _WHO.search(question) or _NAME_OF.search(question):
        return "person" if _PERSON_NOUNS.search(question) else "agent"
    if _CLOCK_QUESTION.search(question):
        return "clock"
    if _WHEN.search(question):
        return "date"
    if asks_for_several(question):
        return "list"
    return "any"


_TWO_PEOPLE = re.compile(
    r"\b((?-i:[A-Z])[a-z'’-]+\s+(?-i:[A-Z])[\w'’-]+)\s+and\s+"
    r"((?-i:[A-Z])[a-z'’-]+\s+(?-i:[A-Z])[\w'’-]+)\b"
)


def people_parts(question: str) -> list[str]:
    """ "What sentences did Jane Doe and John Roe get?" asked of each person in turn: each
    record speaks of one of them."""
    m = _TWO_PEOPLE.search(question)
    if m is None or m.start() == 0:
        return [question]
    first, second = m.group(1), m.group(2)
    if not (_as_person(first, question) and _as_person(second, question)):
        return [question]
    head, tail = question[: m.start()], question[m.end() :]
    return [f"{head}{first}{tail}", f"{head}{second}{tail}"]


def question_parts(question: str) -> list[str]:
    """A multi-part question ("Who ..., and for which body?") split into its questions."""
    parts = [p.strip(" ,;") for p in _PART_SPLIT.split(question) if p and p.strip(" ,;?")]
    if len(parts) < 2:
        return [question]
    return [p if p.endswith("?") else p + "?" for p in parts]


def satisfies(
    kind: AnswerType,
    text: str,
    asked: frozenset[str] = frozenset(),
    *,
    unit: str | None = None,
    day_first: bool = True,
) -> bool:
    """Whether a text has the shape the answer type asks for, beyond what the question
    already says (`asked`: the question's lower-cased words)."""
    if kind == "date":
        return bool(find_dates(text, day_first=day_first) or _DATE_WORDS.search(text))
    if kind == "clock":
        return _CLOCK.search(text) is not None
    if kind == "number":
        return gives_figure(text, unit, asked, day_first)
    if kind == "grade":  # an inspection's judgement: "inadequate", "requires improvement"
        return any(not set(m.group().lower().split()) <= asked for m in _GRADES.finditer(text))
    if kind == "role":
        return any(not set(m.group().lower().split()) <= asked for m in _ROLES.finditer(text))
    plain = {_unpossessed(w) for w in asked}
    fresh = [
        n
        for n in names_in(text)
        if not {_unpossessed(w) for w in _TITLES.sub("", n).split()} <= plain and not _only_dates(n)
    ]  # "Mr Doe" is no one new after "… Jane Doe?"
    people = [n for n in map(lambda n: _as_person(n, text), fresh) if n]
    if kind == "person":
        return bool(people)
    if kind == "agent":
        return (
            bool(fresh)
            or bool(_ROLES.search(text) and not _ROLES.search(" ".join(asked)))
            or _done_by(text, asked)
        )
    if kind == "body":
        return bool(fresh)
    return True


def _done_by(text: str, asked: frozenset[str]) -> bool:
    """The question's verb done "by" someone in the text ("Who will run the services?":
    "… run by an independent trust"): the doer, though no name."""
    for word in asked:
        if len(word) >= 3 and word not in _FUNCTION_WORDS_BY:
            root = re.escape(word[: max(3, len(word) - 2)])
            if re.search(rf"\b{root}\w*\s+by\s+(?:an?|the)\s+\w+", text, re.I):
                return True
    return False


def names_author(text: str, documents: frozenset[str]) -> bool:
    """The text names who made a record ("The report into the tragedy by the Northtown
    Area Child Protection Committee", "Overview Report … by Jane Doe")."""
    nouns = "|".join(sorted(documents))
    pattern = rf"(?i:\b(?:{nouns})\b)[^.;:]{{0,100}}?\bby\s+(?:the\s+)?([A-Z][\w'’-]*)"
    return any(not _only_dates(m.group(1)) for m in re.finditer(pattern, text))


_FUNCTION_WORDS_BY = frozenset({"who", "whom", "will", "was", "were", "did", "does", "the"})


def _only_dates(name: str) -> bool:
    """A capitalised run that is only a month or a day's name ("April", "Monday"): no
    person or body."""
    return all(month_number(w) or w.lower() in _WEEKDAYS for w in name.split())


_WEEKDAYS_TEXT = """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat
"""
_WEEKDAYS = frozenset(_WEEKDAYS_TEXT.split())


_DENIED_GRADE = re.compile(
    r"\b(?:not|never|\w+n['’]t)\s+(?:(?:been|yet|as|rated|judged|graded|ranked|found|deemed|"
    r"get|got|receive|received|achieve|achieved|given|awarded|earn|earned|an?)\s+)*"
    rf"({_GRADE_WORDS})\b",
    re.I,
)


_GIVEN_GRADE = re.compile(
    r"\b(?:(?:rat|judg|grad|rank|deem|assess)(?:e|es|ed|ing)|found|given|awarded)\s+"
    r"(?:(?:as|to\s+be|an?)\s+)?"
    rf"({_GRADE_WORDS})\b",
    re.I,
)


def judged_grades(question: str) -> frozenset[str]:
    """The grades a question says were given ("How many homes were judged outstanding?"):
    a record giving only other grades speaks of other things."""
    given = grades_in(" ".join(m.group(1) for m in _GIVEN_GRADE.finditer(question)))
    return given - denied_grades(question)


def denied_grades(question: str) -> frozenset[str]:
    """The grades a question asks what was NOT given ("Which areas were not rated good?")."""
    return grades_in(" ".join(m.group(1) for m in _DENIED_GRADE.finditer(question)))


_Q = "[‘'“\"]?"
_FORMER_GRADE = re.compile(
    rf"\b(?:since|after|following)\s+(?:(?:being|it\s+was|they\s+were|its|their|the|an?)\s+)?"
    rf"(?:(?:rated|judged|graded|found|deemed)\s+)?(?:as\s+)?{_Q}({_GRADE_WORDS})\b"
    rf"|\b(?:previously|formerly|previous|last)\s+(?:(?:been\s+)?(?:rated|judged|graded|found)\s+)?"
    rf"(?:as\s+)?{_Q}({_GRADE_WORDS})\b"
    rf"|\bfrom\s+{_Q}({_GRADE_WORDS}){_Q}\s+to\b",
    re.I,
)


def former_grades(text: str) -> frozenset[str]:
    """The grades a text gives as past ones ("since being rated inadequate in 2019", "from
    inadequate to good"): they say what was, not what is."""
    found = " ".join(g for m in _FORMER_GRADE.finditer(text) for g in m.groups() if g)
    return grades_in(found)


_COMPARED_GRADE = re.compile(
    rf"\b(?:less\s+than|lower\s+than|below|short\s+of|better\s+than|worse\s+than|"
    rf"other\s+than)\s+{_Q}({_GRADE_WORDS})\b",
    re.I,
)


def compared_grades(text: str) -> frozenset[str]:
    """The grades a text names only as a measure of another ("less than good"): not given."""
    return grades_in(" ".join(m.group(1) for m in _COMPARED_GRADE.finditer(text)))


def grades_in(text: str) -> frozenset[str]:
    """The judgement words a text gives ("inadequate", "requires improvement"), lower case,
    one spelling for each ("requiring improvement" is "requires improvement")."""
    found = {" ".join(m.group().lower().split()) for m in _GRADES.finditer(text)}
    return frozenset("requires improvement" if g.endswith("improvement") else g for g in found)


def _unpossessed(word: str) -> str:
    """A word without its possessive ending, lower-cased: "Ainlee's" is "ainlee", "Hamlets'"
    is "hamlets"."""
    return re.sub(r"['’]s?$", "", word.lower())


def _as_person(name: str, text: str) -> str | None:
    """The person a run of capitalised words names: all of it, or its last two words when
    the run opens with a role or body ("Children Jane Doe" in "Minister of State for
    Children Jane Doe")."""
    if _is_person(name, text):
        return name
    parts = name.split()
    tail = parts[-2:]
    if len(parts) > 2 and not any(p.lower().strip("'’") in _INSTITUTION for p in tail):
        return " ".join(tail)
    return None


def _is_person(name: str, text: str) -> bool:
    """A name of two or three capitalised words with no institution word, or after a title."""
    at = text.find(name)
    if at > 0 and _TITLES.search(text[max(0, at - 12) : at]):
        return True
    parts = name.split()
    return 2 <= len(parts) <= 3 and not any(p.lower() in _INSTITUTION for p in parts)


_INSTITUTION = frozenset(
    [
        "council",
        "councils",
        "city",
        "county",
        "borough",
        "district",
        "children",
        "children's",
        "childrens",
        "service",
        "services",
        "board",
        "trust",
        "department",
        "government",
        "ministry",
        "office",
        "committee",
        "panel",
        "partnership",
        "review",
        "inspection",
        "report",
        "safeguarding",
        "care",
        "social",
        "court",
        "university",
        "hospital",
        "nhs",
        "police",
        "school",
        "schools",
        "college",
        "authority",
        "agency",
        "commission",
        "inquiry",
        "task",
        "force",
        "group",
        "team",
        "unit",
        "centre",
        "center",
        "news",
        "executive",
        "summary",
        "plan",
        "improvement",
        "notice",
        "cabinet",
        "minister",
        "secretary",
        "state",
        "act",
        "family",
        "families",
        "health",
        "education",
        "local",
        "national",
        "england",
        "uk",
        "britain",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "director",
        "chief",
    ]
)


def offices_asked(question: str) -> frozenset[str]:
    """The offices a person question names, lower case ("Who was the director in 2010?"): a
    sentence naming a person without the office ("Councillor X added") does not answer.
    "The name of Jane Doe's mother" names the relation as an office."""
    kind = answer_type(question)
    named = _ROLE_NAMED.search(question) if kind in ("person", "agent") else None
    relation = frozenset({_office_base(named.group(1))} if named else ())
    if kind != "person":
        return relation
    return relation | frozenset(
        _office_base(m.group().split()[-1])
        for m in _OFFICES.finditer(question)
        if not _DESCRIBING.search(question[: m.start()])
    )


_ROLE_NAMED = re.compile(
    rf"(?i:{_NAME_OF.pattern})\s+(?:[A-Z][\w-]*\s+){{0,3}}?[A-Z][\w-]*['’]s?\s+([a-z]{{3,}})\b"
)
"""'What was the name of Jane Doe's mother?': the person is named by the relation asked."""


def _office_base(word: str) -> str:
    """The office without its inflection ("chairs", "chaired", "chairman": "chair"), for
    matching the start of a record's word."""
    word = word.lower()
    for ending in ("woman", "person", "man", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def body_stems(text: str) -> frozenset[str]:
    """Stems of the words of a body's name after its first ("Northtown Safeguarding Children
    Board": safeguarding, children, board): a sentence must name the body itself, though
    its page may hold the place the name opens with."""
    found: set[str] = set()
    for name in names_in(text):
        words = [w for w in name.split() if w.lower() not in _LOCAL_GOVERNMENT]
        if len(words) >= 2 and any(w.lower().strip("'’") in _INSTITUTION for w in words[1:]):
            found |= {stem(w) for w in words[1:]}
    return frozenset(found)


_LOCAL_GOVERNMENT = frozenset({"council", "councils", "county", "city", "borough", "district"})
"""Words naming a place's own council ("Northtown County Council"), which a page about the
place is about: its page may hold them."""
COUNCIL_STEMS = frozenset(stem(w) for w in _LOCAL_GOVERNMENT)
"""Their stems: a page naming the county council once is about it as much as the county."""


def people_in(text: str) -> list[str]:
    """The people a text names, in order (titles such as "Cllr" dropped)."""
    found = [_TITLES.sub("", p).strip() for n in names_in(text) if (p := _as_person(n, text))]
    return [n for n in dict.fromkeys(found) if " " in n]


def given_names(text: str) -> frozenset[str]:
    """Stems of the given names of the people a text names: a record may name a person by
    surname alone ("Cllr Lawrence"), so only the surname is required."""
    return frozenset(stem(w) for n in people_in(text) for w in n.split()[:-1])


def first_names(text: str) -> dict[str, str]:
    """Stems of the surnames of the people a text names in full, each with the given name as
    written ("Sam Roe": roe -> Sam)."""
    named = [n.split() for n in people_in(text)]
    return {
        stem(words[-1]): words[0]
        for words in named
        if len(words) > 1 and words[0].lower() not in FUNCTION_WORDS  # not "Which HMI"
    }


def person_stems(text: str) -> frozenset[str]:
    """Stems of the words of the people a text names: a sentence about a person must name
    them itself (their page naming them is not enough)."""
    people = [p for n in names_in(text) if (p := _as_person(n, text))]
    return frozenset(stem(w) for n in people for w in n.split())


def place_stems(text: str) -> frozenset[str]:
    """Stems of the names of places a text gives ("Devon's", "Kirklees", and a longer name
    owning a council or children's services: "Tower Hamlets children's services"): names a
    whole page can be about, unlike a body ("the Task Force") a sentence must name."""
    found = names_in(text)
    owners = [n for n in found if " " in n and _owns_services(n, text)]
    people = frozenset(
        stem(w) for n in found if n not in owners and (p := _as_person(n, text)) for w in p.split()
    )
    single = frozenset(
        stem(n)
        for n in found
        if " " not in n and n.lower().removesuffix("'s").removesuffix("’s") not in _INSTITUTION
    )
    return (single | frozenset(stem(w) for n in owners for w in n.split())) - people


_OWNED = re.compile(
    r"(?:['’]s)?\s+(?:(?:County|City|Borough|District|Metropolitan)\s+)?(?:Council\b|"
    r"children['’]s\s+(?:services|social\s+care)\b)",
    re.I,
)
"""What follows a place's name, not a person's: its council or its children's services."""


def _owns_services(name: str, text: str) -> bool:
    """A name of several words that owns a council or children's services in the text."""
    return any(_OWNED.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def names_in(text: str) -> list[str]:
    """Capitalised names and acronyms inside a text (not its first word, which a paragraph
    number may stand before: "2.3 Home visits …")."""
    opening = _NUMBERING.match(text)
    first = opening.end() if opening else 0
    found = [m.group(1) for m in _NAME.finditer(text) if m.start() > first or " " in m.group(1)]
    return [_without_opener(n) if text.startswith(n, first) else n for n in found]


def _without_opener(name: str) -> str:
    """A name opening the text without the word capitalised only for opening it ("Now Jane
    Doe, the director, …": Jane Doe)."""
    head, _, rest = name.partition(" ")
    return rest if rest and head.lower() in FUNCTION_WORDS | _OPENERS else name


_OPENERS = frozenset({"today", "yesterday", "tonight", "however", "meanwhile", "earlier", "later"})
"""Words that open a sentence before a name, beside the function words."""


_NUMBERING = re.compile(r"\s*(?:\(?\d+(?:\.\d+)*[.)]?|\(?[a-z][.)]|[•\-–*])\s+")
"""A paragraph's number or bullet before its first word ("2.3", "1.", "(a)", "•")."""

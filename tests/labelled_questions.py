"""A labelled set of questions about dates and time, written from the records by hand.

Each question is labelled with what a careful reader of the records would say:
`answered` when the records state it (with substrings, one of which the first cited
quote must hold, and optionally the document that quote should come from and the date
a "when" answer must lead with), `not_found` when they do not (another period than
the one asked, a period the records do not reach, or something never mentioned).
`corpus` is the index asked: "reference" (../shared/corpus, the two real statements)
or "samples" (the reference statements plus samples/, the project's own records).
`form` names the kind of time expression the question uses, so the set can be checked
to cover them all.

The labels are the truth from the records, not what the assistant happens to say, so
any misses are real. Notes in `why` give the sentence that answers (or the reason
nothing does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Corpus = Literal["reference", "samples"]
Status = Literal["answered", "not_found"]
Form = Literal[
    "in_month",
    "in_year",
    "between",
    "before",
    "after",
    "since",
    "as_of",
    "latest",
    "when",
    "uncovered",
]

PLEDGE = "000_dacb6d7e4608512c"  # press release "Better child protection pledge", 27 July 2010
SENTENCING = "001_531fd4b695795cd4"  # news statement after sentencing, 12 March 2010


@dataclass(frozen=True)
class LabelledQuestion:
    """A question, the corpus it is asked of, its true status and what must be cited."""

    question: str
    corpus: Corpus
    form: Form
    expected: Status
    accept: tuple[str, ...] = ()  # one of these must be in the first citation's quote
    document: str | None = None  # the first citation's document, when it matters
    starts: tuple[str, ...] = ()  # a "when" answer must begin with one of these dates
    why: str = ""


def _a(
    question: str,
    form: Form,
    accept: tuple[str, ...],
    *,
    document: str | None = None,
    starts: tuple[str, ...] = (),
    why: str = "",
) -> LabelledQuestion:
    return LabelledQuestion(question, "reference", form, "answered", accept, document, starts, why)


def _n(question: str, form: Form, why: str) -> LabelledQuestion:
    return LabelledQuestion(question, "reference", form, "not_found", why=why)


def _sa(
    question: str,
    form: Form,
    accept: tuple[str, ...],
    *,
    starts: tuple[str, ...] = (),
    why: str = "",
) -> LabelledQuestion:
    return LabelledQuestion(question, "samples", form, "answered", accept, None, starts, why)


def _sn(question: str, form: Form, why: str) -> LabelledQuestion:
    return LabelledQuestion(question, "samples", form, "not_found", why=why)


VACANCY = ("23 per cent in", "20 per cent in", "15 per cent in")  # the one vacancy sentence

REFERENCE_ANSWERED = (
    # in <month year>
    _a(
        "What was the vacancy rate in April 2010?",
        "in_month",
        ("15 per cent in April 2010", "15 per cent in \nApril 2010"),
        document=PLEDGE,
        why="pledge: dropped ... to 15 per cent in April 2010",
    ),
    _a(
        "What was the vacancy rate in February 2010?",
        "in_month",
        ("20 per cent in February 2010",),
        document=PLEDGE,
        why="pledge: 20 per cent in February 2010",
    ),
    _a(
        "What was the vacancy rate in December 2009?",
        "in_month",
        ("23 per cent in December 2009", "23 per cent in December 2009;"),
        document=PLEDGE,
        why="pledge: 23 per cent in December 2009",
    ),
    _a(
        "What did Ofsted judge Birmingham's children's services to be overall in December 2008?",
        "in_month",
        ("“adequate” overall",),
        document=PLEDGE,
        why="pledge, notes to editors: adequate overall, inadequate for safeguarding",
    ),
    _a(
        "What did the Minister say in November 2009?",
        "in_month",
        ("In November 2009 the Minister said",),
        document=SENTENCING,
        why="statement: In November 2009 the Minister said ...",
    ),
    _a(
        "What did the Ofsted inspection of Duty & Assessment Services find in November 2009?",
        "in_month",
        ("no children at immediate risk of harm", "Duty & Assessment Services in November 2009"),
        document=SENTENCING,
        why="statement: positive assessment, no children at immediate risk",
    ),
    _a(
        "What were the outcomes of the LACES inspection in December 2009?",
        "in_month",
        ("excellent outcomes", "several key features"),
        document=SENTENCING,
        why="statement: excellent outcomes from the LACES inspection in December 2009",
    ),
    _a(
        "What was the judgement of the fostering inspection in January 2010?",
        "in_month",
        ("overall judgement of “good”",),
        document=SENTENCING,
        why="statement: January 2010 inspection, overall judgement good",
    ),
    _a(
        "What did Dawn Primarolo acknowledge at the end of July 2009?",
        "in_month",
        ("good progress",),
        document=SENTENCING,
        why="statement: end of July 2009, good progress and a cultural shift",
    ),
    _a(
        "Who was appointed Executive Member of Children's Social Care in June 2010?",
        "in_month",
        ("Len Clark",),
        document=PLEDGE,
        why="pledge of 27 July 2010: appointed ... last month (June 2010)",
    ),
    # in <year>
    _a(
        "What did Ofsted judge children's safeguarding in Birmingham to be in 2008?",
        "in_year",
        ("inadequate",),
        why="statement (December 2008) and pledge (downgraded to inadequate)",
    ),
    _a(
        "What was the vacancy rate in 2010?",
        "in_year",
        ("20 per cent in February 2010", "15 per cent in"),
        document=PLEDGE,
        why="pledge: February and April 2010 figures",
    ),
    _a(
        "What was the vacancy rate in 2009?",
        "in_year",
        ("23 per cent in December 2009",),
        document=PLEDGE,
        why="pledge: December 2009 figure",
    ),
    _a(
        "Which Ofsted inspections took place in 2009?",
        "in_year",
        ("Duty & Assessment Services", "LACES", "Looked After Children"),
        document=SENTENCING,
        why="statement: Duty & Assessment (November 2009), LACES (December 2009)",
    ),
    _a(
        "Who was recruited as Director of Children's Social Care in 2009?",
        "in_year",
        ("Colin Tucker",),
        document=PLEDGE,
        why="pledge of July 2010: strengthened last year (2009) with the recruitment",
    ),
    # between X and Y
    _a(
        "What was the vacancy rate between December 2009 and April 2010?",
        "between",
        VACANCY,
        document=PLEDGE,
        why="pledge: all three figures",
    ),
    _a(
        "What was the sickness rate between July 2008 and July 2009?",
        "between",
        ("25 \ndays", "25 days"),
        document=PLEDGE,
        why="pledge: 25 days per FTE July 2008 - July 2009",
    ),
    _a(
        "What was the average sickness absence between July 2009 and April 2010?",
        "between",
        ("16.9",),
        document=PLEDGE,
        why="pledge: 16.9 from July 2009 - April 2010",
    ),
    _a(
        "Which Ofsted inspections took place between November 2009 and January 2010?",
        "between",
        ("Duty & Assessment Services", "LACES", "January 2010 inspection"),
        document=SENTENCING,
        why="statement: three inspections in those months",
    ),
    _a(
        "What did the Minister say about progress between July 2009 and November 2009?",
        "between",
        ("good progress", "In November 2009 the Minister said"),
        document=SENTENCING,
        why="statement: July 2009 and November 2009 reviews",
    ),
    # before / after / since
    _a(
        "What was the vacancy rate before February 2010?",
        "before",
        ("23 per cent in December 2009",),
        document=PLEDGE,
        why="pledge: December 2009 figure is before February 2010",
    ),
    _a(
        "What did Ofsted judge safeguarding to be before the Improvement Notice of February 2009?",
        "before",
        ("inadequate",),
        why="HARD: 'before' is not next to the date; statement: inadequate (December 2008)",
    ),
    _a(
        "What was the vacancy rate after February 2010?",
        "after",
        ("15 per cent in",),
        document=PLEDGE,
        why="pledge: April 2010 figure",
    ),
    _a(
        "Was the scrutiny report made public after September 2009?",
        "after",
        ("October 2009",),
        document=PLEDGE,
        why="pledge: made public in October 2009",
    ),
    _a(
        "What has happened to the vacancy rate since February 2010?",
        "since",
        ("15 per cent in", "20 per cent in February 2010"),
        document=PLEDGE,
        why="pledge: down to 15 per cent in April 2010",
    ),
    _a(
        "What did the Minister say about Birmingham since November 2009?",
        "since",
        ("In November 2009 the Minister said", "the Minister again met"),
        document=SENTENCING,
        why="statement: November 2009 review; this week (March 2010) meeting",
    ),
    # as of X
    _a(
        "What was the vacancy rate as of March 2010?",
        "as_of",
        ("20 per cent in February 2010",),
        document=PLEDGE,
        why="on or before March 2010: February 2010, 20 per cent",
    ),
    _a(
        "As of March 2010, how many of the eight performance targets had the council met?",
        "as_of",
        ("four of the eight",),
        document=SENTENCING,
        why="statement of 12 March 2010: met four of the eight targets",
    ),
    _a(
        "What was the average sickness absence as of April 2010?",
        "as_of",
        ("16.9",),
        document=PLEDGE,
        why="pledge: 16.9 from July 2009 - April 2010 (latest figures)",
    ),
    # latest
    _a(
        "What is the latest vacancy rate?",
        "latest",
        ("15 per cent in",),
        document=PLEDGE,
        why="pledge: April 2010, latest figures available",
    ),
    _a(
        "What are the latest sickness rate figures?",
        "latest",
        ("16.9",),
        document=PLEDGE,
        why="pledge: 16.9 (lastest figures available)",
    ),
    # when ...?
    _a(
        "When was the Improvement Notice issued?",
        "when",
        ("February 2009",),
        document=SENTENCING,
        starts=("February 2009",),
        why="statement: issued an Improvement Notice in February 2009",
    ),
    _a(
        "When did Ofsted judge children's safeguarding in Birmingham to be inadequate?",
        "when",
        ("December 2008",),
        starts=("December 2008",),
        why="statement: (December 2008); pledge: December 2008",
    ),
    _a(
        "When was the scrutiny report made public?",
        "when",
        ("October 2009",),
        document=PLEDGE,
        starts=("October 2009",),
        why="pledge: made public in October 2009",
    ),
    _a(
        "When did the Scrutiny Inquiry complete its report?",
        "when",
        ("September 2009",),
        document=SENTENCING,
        starts=("September 2009",),
        why="statement: completed its report in September 2009",
    ),
    _a(
        "When did Ofsted inspect the Looked After Children Education Services?",
        "when",
        ("December 2009",),
        document=SENTENCING,
        starts=("December 2009",),
        why="statement: LACES inspection in December 2009",
    ),
    _a(
        "When was the unannounced Ofsted inspection of Duty & Assessment Services?",
        "when",
        ("November 2009",),
        document=SENTENCING,
        starts=("November 2009",),
        why="statement: Duty & Assessment Services in November 2009",
    ),
    _a(
        "When was the fostering service inspected?",
        "when",
        ("January 2010",),
        document=SENTENCING,
        starts=("January 2010",),
        why="statement: the January 2010 inspection of fostering service",
    ),
    _a(
        "When did Dawn Primarolo acknowledge that good progress had been made?",
        "when",
        ("July 2009",),
        document=SENTENCING,
        starts=("July 2009",),
        why="statement: at the end of July 2009",
    ),
    _a(
        "When was Cllr Len Clark appointed Executive Member of Children's Social Care?",
        "when",
        ("last month",),
        document=PLEDGE,
        starts=("June 2010",),
        why="pledge of 27 July 2010: last month, so June 2010 (approx.)",
    ),
    _a(
        "When will the social care teams in Aston move?",
        "when",
        ("by the end of the year",),
        document=PLEDGE,
        starts=("December 2010",),
        why="pledge of 27 July 2010: by the end of the year (2010) instead of next spring",
    ),
    _a(
        "When was the Serious Case Review published?",
        "when",
        ("was published", "Today’s publication"),
        document=PLEDGE,
        starts=("27 July 2010",),
        why="pledge of 27 July 2010: speaking as the SCR was published; today's publication",
    ),
    _a(
        "When did Khyra Ishaq die?",
        "when",
        ("22 months ago", "In the year in which Khyra Ishaq died"),
        document=SENTENCING,
        starts=("May 2008", "2008"),
        why="statement of 12 March 2010: over 22 months ago (about May 2008); the year 2008",
    ),
)

REFERENCE_NOT_FOUND = (
    _n("What was the vacancy rate in April 2011?", "uncovered", "figures end in April 2010"),
    _n("What was the vacancy rate in 2008?", "uncovered", "first figure is December 2009"),
    _n(
        "What was the vacancy rate in January 2010?",
        "in_month",
        "figures for December 2009 and February 2010 only",
    ),
    _n(
        "What was the vacancy rate in March 2010?",
        "in_month",
        "no March figure; the March statement gives no rate",
    ),
    _n(
        "What was the vacancy rate as of June 2009?",
        "as_of",
        "the first figure the records give is December 2009",
    ),
    _n(
        "What was the vacancy rate before December 2009?",
        "before",
        "the first figure is December 2009",
    ),
    _n(
        "What was the vacancy rate after April 2010?",
        "after",
        "April 2010 is the latest figure available",
    ),
    _n("What was the vacancy rate in December 2010?", "uncovered", "not recorded"),
    _n(
        "What was the sickness rate between July 2010 and April 2011?",
        "uncovered",
        "sickness figures end in April 2010",
    ),
    _n(
        "What did the Minister say in January 2009?",
        "uncovered",
        "ministerial statements are July 2009, November 2009 and March 2010",
    ),
    _n("What did Dawn Primarolo say in November 2010?", "uncovered", "records end in July 2010"),
    _n(
        "What did Ofsted judge safeguarding in Birmingham to be in 2007?",
        "uncovered",
        "the judgement recorded is December 2008",
    ),
    _n(
        "What did Ofsted judge safeguarding to be in December 2010?",
        "uncovered",
        "December 2008, not 2010",
    ),
    _n("When was the Improvement Notice lifted?", "when", "never mentioned"),
    _n("When was the Task Force disbanded?", "when", "it will remain in place; no end given"),
    _n("When did Ofsted inspect the adoption service?", "when", "no adoption service"),
    _n("When were the three members of staff dismissed?", "when", "disciplinary; no outcome"),
    _n("How many foster carers were recruited in 2009?", "in_year", "never mentioned"),
    _n(
        "How many SCR recommendations had been implemented by March 2009?",
        "before",
        "the counts are as at July 2010; nothing for March 2009",
    ),
    _n(
        "What was the fostering service rated by Ofsted in 2011?",
        "uncovered",
        "January 2010 inspection and July 2010 upgrade only",
    ),
    _n(
        "What was the vacancy rate in November 2009?",
        "in_month",
        "the first figure is December 2009",
    ),
    _n(
        "What did the Minister say in March 2009?",
        "in_month",
        "ministerial statements are July 2009, November 2009 and March 2010",
    ),
    _n("Who chaired the Task Force in 2011?", "uncovered", "records end in July 2010"),
    _n(
        "What did Ofsted find at the LACES inspection in December 2010?",
        "uncovered",
        "the LACES inspection was in December 2009",
    ),
)

SAMPLES = (
    _sa(
        "What was the vacancy rate in April 2010?",
        "in_month",
        ("15 per cent",),
        why="pledge and workforce figures note",
    ),
    _sa(
        "What did Dawn Primarolo recognise in July 2009?",
        "in_month",
        ("good progress",),
        why="statement and inspections note",
    ),
    _sa(
        "What was the average sickness absence between July 2008 and July 2009?",
        "between",
        ("25 days", "25 \ndays"),
        why="pledge and workforce figures note",
    ),
    _sa(
        "As of March 2010, how many of the eight performance targets had the council met?",
        "as_of",
        ("four of",),
        why="statement and inspections note",
    ),
    _sa(
        "Who facilitated the rapid improvement programme by March 2010?",
        "before",
        ("PwC",),
        why="statement and Improvement Notice note",
    ),
    _sa("What is the latest vacancy rate?", "latest", ("15 per cent",), why="April 2010"),
    _sa(
        "When did the internal Scrutiny Inquiry finish its report?",
        "when",
        ("September 2009",),
        starts=("September 2009",),
        why="statement and Improvement Notice note",
    ),
    _sa(
        "When was the fostering service inspected?",
        "when",
        ("January 2010",),
        starts=("January 2010",),
        why="statement and inspections note",
    ),
    _sa(
        "When was the Serious Case Review published?",
        "when",
        ("27 July 2010",),
        starts=("27 July 2010",),
        why="SCR publication summary and SCR status record: 27 July 2010",
    ),
    _sa(
        "When will the social care teams in Aston move?",
        "when",
        ("end of 2010", "end of the year"),
        starts=("December 2010", "2010"),
        why="leadership note: by the end of 2010 rather than in spring 2011",
    ),
    _sn("What was the vacancy rate in April 2011?", "uncovered", "figures end in April 2010"),
    _sn("What was the vacancy rate in June 2010?", "in_month", "no June figure"),
    _sn(
        "How many SCR recommendations were implemented in 2009?",
        "in_year",
        "the SCR was published in July 2010; counts are as at that date",
    ),
    _sn("When did the Minister meet the council in 2011?", "uncovered", "records end July 2010"),
)

QUESTIONS: tuple[LabelledQuestion, ...] = REFERENCE_ANSWERED + REFERENCE_NOT_FOUND + SAMPLES

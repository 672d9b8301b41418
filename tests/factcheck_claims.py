"""A labelled set of claims for the fact-checker, written from the records by hand.

Each claim is labelled with the verdict a careful reader of the records would give:
`supported` when the records state it, `contradicted` when they state something else
about the same thing (another figure, date, person, grade, a part for the whole, the
opposite), `not_found` when they do not speak of it (or not of the detail claimed).
`corpus` is the index it is checked against: "reference" (../shared/corpus, the two
real statements) or "samples" (samples/, the project's own records of the same facts).

Some claims are hard on purpose (marked HARD): the labels are the truth, not what the
checker happens to say, so the misses are real.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Corpus = Literal["reference", "samples"]
Verdict = Literal["supported", "contradicted", "not_found"]


@dataclass(frozen=True)
class Labelled:
    """A claim, the corpus it is checked against, its true verdict and why."""

    claim: str
    corpus: Corpus
    expected: Verdict
    why: str


def _r(claim: str, expected: Verdict, why: str) -> Labelled:
    return Labelled(claim, "reference", expected, why)


def _s(claim: str, expected: Verdict, why: str) -> Labelled:
    return Labelled(claim, "samples", expected, why)


SUPPORTED = (
    _r("The Improvement Notice was issued in February 2009", "supported", "statement, Background"),
    _r("The vacancy rate was 15 per cent in April 2010", "supported", "pledge, vacancy bullet"),
    _r("Ofsted judged safeguarding inadequate in December 2008", "supported", "statement"),
    _r("Seventeen teams moved to Lifford House", "supported", "pledge, office moves"),
    _r(
        "The SCR makes 12 recommendations relating to Birmingham's children's services",
        "supported",
        "pledge",
    ),
    _r("Ten of the 12 SCR recommendations have been fully implemented", "supported", "pledge"),
    _r(
        "The City Council identified 28 further areas for improvement, all of which have been"
        " fully implemented",
        "supported",
        "pledge: all 28 implemented",
    ),
    _r("The council has met four of its eight performance targets", "supported", "statement"),
    _r(
        "The Task Force was chaired by Council Leader Cllr Mike Whitby",
        "supported",
        "pledge, notes to editors",
    ),
    _r(
        "The scrutiny inquiry into children's social care was chaired by Cllr Len Clark",
        "supported",
        "pledge, notes to editors",
    ),
    _r("The scrutiny report was made public in October 2009", "supported", "pledge"),
    _r(
        "The fostering service was upgraded by Ofsted from satisfactory to good",
        "supported",
        "pledge",
    ),
    _r(
        "The number of inadequate care homes has gone down from seven to none",
        "supported",
        "pledge",
    ),
    _r(
        "Ofsted inspected Looked After Children Education Services in December 2009",
        "supported",
        "statement: LACES inspection",
    ),
    _r(
        "Ofsted judged Birmingham's children's services adequate overall in December 2008",
        "supported",
        "pledge: adequate overall (safeguarding inadequate)",
    ),
    _r(
        "No children were found at immediate risk of harm in the Duty & Assessment Services"
        " inspection",
        "supported",
        "statement: both negative",
    ),
    _r("Vacancies were down from 180 to 100", "supported", "pledge"),
    _s(
        "In April 2010 the vacancy rate in Children's Social Care was 15 per cent",
        "supported",
        "workforce figures note",
    ),
    _s(
        "Dawn Primarolo recognised in July 2009 that Birmingham had made good progress",
        "supported",
        "inspections note",
    ),
    _s(
        "The social care teams in Aston were to move by the end of 2010",
        "supported",
        "leadership note",
    ),
    _s(
        "The council had met four of its eight performance targets by March 2010",
        "supported",
        "inspections note",
    ),
    _s("The rapid improvement programme was facilitated by PwC", "supported", "notice note"),
)

CONTRADICTED = (
    _r(
        "All twelve SCR recommendations have been fully implemented",
        "contradicted",
        "ten implemented, two in progress",
    ),
    _r("The Improvement Notice was issued in March 2011", "contradicted", "February 2009"),
    _r("The vacancy rate was 10 per cent in April 2010", "contradicted", "15 per cent"),
    _r("The vacancy rate was 23 per cent in April 2010", "contradicted", "23 was December 2009"),
    _r("Ofsted judged safeguarding good in December 2008", "contradicted", "inadequate"),
    _r(
        "Ofsted judged safeguarding adequate in December 2008",
        "contradicted",
        "adequate overall, inadequate for safeguarding",
    ),
    _r("The SCR makes 15 recommendations", "contradicted", "12"),
    _r("Twenty social care teams have moved into Lifford House", "contradicted", "seventeen"),
    _r("The council has met all eight performance targets", "contradicted", "four of eight"),
    _r("The scrutiny inquiry was chaired by Cllr Mike Whitby", "contradicted", "Len Clark"),
    _r("The Task Force was chaired by Cllr Len Clark", "contradicted", "Mike Whitby"),
    _r(
        "Ofsted judged safeguarding inadequate in December 2009",
        "contradicted",
        "December 2008",
    ),
    _r("All of the lessons from the review have been acted upon", "contradicted", "the majority"),
    _r(
        "Sickness rates dropped to 12 days per full-time equivalent member of staff",
        "contradicted",
        "16.9 days",
    ),
    _r(
        "The Ofsted inspection of Duty & Assessment Services found children at immediate risk"
        " of harm",
        "contradicted",
        "no children at immediate risk",
    ),
    _r("None of the SCR recommendations have been implemented", "contradicted", "ten have"),
    _r("The improvements can bring Khyra back", "contradicted", "none of them can"),
    _s(
        "In April 2010 the vacancy rate in Children's Social Care was 20 per cent",
        "contradicted",
        "15 per cent; 20 was February 2010",
    ),
    _s(
        "Ofsted upgraded the fostering service from inadequate to good",
        "contradicted",
        "from satisfactory",
    ),
    _s(
        "The Improvement Notice was issued to the council in February 2010",
        "contradicted",
        "February 2009",
    ),
    _s(
        "All 12 Serious Case Review recommendations had been fully implemented by 27 July 2010",
        "contradicted",
        "ten of the 12",
    ),
    _s(
        "The council had met six of its eight performance targets by March 2010",
        "contradicted",
        "four",
    ),
    _s(
        "Colin Tucker was appointed Executive Member of Children's Social Care",
        "contradicted",
        "HARD: Cllr Len Clark was; Colin Tucker is named without a title",
    ),
    _s(
        "Cllr Len Clark chaired the Task Force",
        "contradicted",
        "HARD: Mike Whitby chaired it; Len Clark chaired the inquiry, in the same sentence",
    ),
)

NOT_FOUND = (
    _r("The council opened a new adoption centre in Coventry", "not_found", "never mentioned"),
    _r(
        "Three members of staff were dismissed",
        "not_found",
        "removed from frontline and put through the disciplinary process; outcome not stated",
    ),
    _r("The council recruited 200 new foster carers in 2012", "not_found", "never mentioned"),
    _r("The Minister visited Lifford House in June 2010", "not_found", "never mentioned"),
    _r("Tony Howell resigned in 2011", "not_found", "never mentioned"),
    _r(
        "Khyra Ishaq's mother was sentenced to life imprisonment",
        "not_found",
        "the sentences are not given",
    ),
    _r("Ofsted inspected Birmingham's adoption service in March 2010", "not_found", "no adoption"),
    _r(
        "Colin Tucker was recruited in March 2009",
        "not_found",
        "recruited 'last year', no month given",
    ),
    _r(
        "The vacancy rate was 15 per cent in April 2011",
        "not_found",
        "figures end in April 2010",
    ),
    _r(
        "Cllr Les Lawrence resigned after the Serious Case Review was published",
        "not_found",
        "never mentioned",
    ),
    _r("The police investigated social workers for misconduct", "not_found", "never mentioned"),
    _r("The Task Force has been disbanded", "not_found", "it will remain in place; no end given"),
    _r("The Improvement Notice was lifted in 2010", "not_found", "never mentioned"),
    _s(
        "The council opened a new children's home in Solihull in 2010",
        "not_found",
        "never mentioned",
    ),
    _s("The Minister of State for Children was Ed Balls", "not_found", "Dawn Primarolo is named"),
    _s("The council sold Lifford House in 2011", "not_found", "never mentioned"),
    _s(
        "The rapid improvement programme was facilitated by Deloitte",
        "not_found",
        "PwC is named; Deloitte never is",
    ),
    _s(
        "Ofsted rated the Duty & Assessment Services outstanding",
        "not_found",
        "a 'positive assessment', no grade given",
    ),
    _s("The three staff members were sacked", "not_found", "disciplinary process; no outcome"),
    _s(
        "Ofsted inspected the fostering service again in 2011",
        "not_found",
        "only the January 2010 inspection is recorded",
    ),
)

CLAIMS: tuple[Labelled, ...] = SUPPORTED + CONTRADICTED + NOT_FOUND

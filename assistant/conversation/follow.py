"""One follow-up read against the exchanges before it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.conversation.entities import (
    ROLE_OF_PRONOUN,
    is_person,
    is_plural,
    named,
    role_holder,
    without_modifier,
)
from assistant.conversation.models import Exchange
from assistant.conversation.parts import SECOND_PART, Parts, first_part, parts
from assistant.conversation.periods import Shift, UnknownPeriod, cut_shift, shifted
from assistant.conversation.referents import (
    IMPERSONAL,
    PERSONAL,
    Antecedents,
    Common,
    Recall,
    is_possessive,
    unbound,
)
from assistant.conversation.words import (
    AUXILIARIES,
    BE,
    FUNCTION_WORDS,
    PARTICIPLES,
    WORD,
    has_content,
    is_verb,
    names_record,
    sentence,
)
from index import find_dates

_LEAD = re.compile(r"^(?:and|but|also|what about|how about)\b[\s,]*", re.I)
_THERE = re.compile(r"(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bbe)\s+there(?=\W*$)", re.I)
"""A closing "there" that is a place ("the leader there"), not "How many were there?"."""
_MODIFIER = re.compile(
    r"(?:at|in|on|for|after|before|during|under|about|by|with|within|among|from)\b", re.I
)
_ADVERBS_TEXT = """
    overall nationally locally altogether instead
"""
_ADVERBS = frozenset(_ADVERBS_TEXT.split())
"""A one-word fragment that qualifies the previous question ("and overall?"), not a new
subject for it ("what about adoption?")."""
_INTRANSITIVE = frozenset({"happen", "happened", "occur", "occurred", "change", "changed"})
_ANAPHOR = re.compile(
    r"\b(it|its|that|this|they|them|their|those|these|he|she|him|her|his|there|then)\b"
    r"(?!\s+(?:week|month|year|morning|afternoon|evening|time|spring|summer|autumn|winter)\b)",
    re.I,
)
"""Words standing for something earlier; not "this week" or "that year", a time phrase."""


@dataclass(frozen=True)
class Step:
    """A message made answerable on its own, or what kept it from being."""

    question: str
    unresolved: str | None = None
    carried: str = ""  # the earlier period carried in ("in October 2017"), not typed
    named_record: bool = False  # the carried period only said which record ("the 2013 review")


class _Unresolved(Exception):
    """A pronoun the earlier turns offer nothing for."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


def follow(
    history: list[Exchange], text: str, recall: Recall | None, common: Common | None = None
) -> Step:
    """The message read against the earlier (already resolved) exchanges; `common` tells
    the names most records use, which no follow-up is about as a place."""
    lead = _LEAD.match(text)
    if history:
        text = _with_year(text, history[-1].question)
    rest, shift = cut_shift(_fronted_last(text[lead.end() :] if lead else text))
    rest = _OCCASION.sub("", rest)  # "the time before that": "before that"
    if history:
        rest = ROLE_OF_PRONOUN.sub(
            lambda m: role_holder(history[-1].reply, m.group(1)) or m[0], rest
        )
    pending, orphans = unbound(rest), unbound(rest, strict=False)
    if not history:
        return Step(text, _pronoun_note(orphans[0]) if orphans else _period_note(shift))
    asked = history[-1].question
    counting = _THE_REST.fullmatch(rest) and re.match(r"\s*how many\b", asked, re.I)
    counted = _COUNTED.search(asked) if counting else None
    if counted is not None:  # "How many of the recommendations …?" - "What about the rest?"
        other = sentence("What about the other", counted.group(1))
        return Step(_in_place(other, Antecedents(history, recall, common)))
    by_whom = _BY_WHOM.fullmatch(rest.strip())
    asked_how = _WH_LED.match(history[-1].question)
    if by_whom is not None and asked_how is not None and _ends_passive(history[-1].question):
        return Step(sentence("By whom", history[-1].question[asked_how.end() :]))
    bare_shift = _BARE_SHIFT.fullmatch(rest)
    asked_when = parts(first_part(history[-1].question)).dates
    if bare_shift and not asked_when:  # "And before that?": before the date answered, if any
        told = Antecedents(history, recall, common).period()
        if not told:
            return Step(text, "I could not tell which time 'that' is: give a date.")
        way = bare_shift.group(1).lower()
        asked = first_part(history[-1].question).rstrip("?.! ")
        return Step(sentence(asked, f"{way} {_IN.sub('', told)}"))
    said = _SAID_SO.fullmatch(rest.strip())
    quoted = [q for q in _CITED.split(history[-1].reply)[:-1] if _LEAD_IN.sub("", q.strip())]
    if said is not None and quoted:  # "Who said so?": of its quote
        return Step(_who_said(said.group(1), history[-1]))
    if _when_of_dated_deed(rest, quoted, history[-1]):
        return Step(_when_told(quoted[0]))  # "What did X do?" - "When?": its quote's date
    if said is not None:  # nothing was quoted: nobody said anything the user could mean
        return Step(text, "I could not tell what was said: quote or name it.")
    if _asks_after(rest):
        asked = rest.strip()
        return Step(
            sentence(history[-1].question.rstrip("?.! ") + ",", asked[:1].lower() + asked[1:])
        )
    elided = _elided(rest, history[-1].question)
    if elided is not None:
        return Step(elided)
    antecedents = Antecedents(history, recall, common)
    placed = _THERE.sub(lambda m: _there(m, antecedents), _one_named(rest, history[-1].question))
    prev = parts(first_part(history[-1].question))
    told = prev.dates or (antecedents.period() if _answer_dated(placed) else "")
    placed = _bound_to(placed, told)
    placed = _at_that_time(placed, prev.dates or antecedents.period())
    placed = _that_thing(placed, prev)
    cur = parts(placed)
    own = has_content(cur.subject) or bool(cur.topic)
    if own and (cur.head or not lead) and not pending and not shift:
        whole = sentence(placed) if lead or placed != rest else text
        return Step(_in_place(whole, antecedents))
    if not (prev.subject or prev.dates or pending):
        return Step(text)
    try:
        dates = _dates(cur, prev, shift, antecedents)
        rewritten = _rewrite(cur, prev, dates, _Context(antecedents, prev, set(orphans)))
        carried = dates if dates and dates == prev.dates and not cur.dates else ""
        kept = {d.value for d in find_dates(carried)}
        record = any(
            d.value in kept and names_record(asked[: d.start], asked[d.end :])
            for d in find_dates(asked)
        )  # the carried date said which record the earlier question meant
        question = _in_place(rewritten, antecedents, typed=rest)
        return Step(question, carried=carried, named_record=record)
    except UnknownPeriod as missing:
        return Step(text, _period_note(missing.shift))
    except _Unresolved as missing:
        return Step(text, _pronoun_note(missing.word))


_FRONTED = re.compile(
    r"^\s*(?!according\b)((?:besides|apart from|aside from|other than|except|beyond|as well as|"
    r"in addition to|for|in|on|at|during|after|before|since|by|"
    r"the (?:previous|following|next|same|preceding)\s+\w+)\b[^,?]{0,60}),\s*"
    r"((?:who|whom|what|which|when|where|why|how)\b[^?]*)\?*\s*$",
    re.I,
)
"""A question opened by a phrase before its question word ("Besides social services, who
else …?"): read with the phrase put last, so the question word leads."""


def _fronted_last(text: str) -> str:
    """ "Besides X, who else did it cover?" as "Who else did it cover besides X?"."""
    m = _FRONTED.match(text)
    if m is None:
        return text
    asked, phrase = m.group(2).strip(), m.group(1).strip()
    return f"{asked[:1].upper()}{asked[1:]} {phrase[:1].lower()}{phrase[1:]}?"


_COUNTED = re.compile(
    r"\b(?:how many|which|what)\s+(?:of\s+(?:the|its|their|these|those)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?([a-z][\w-]*[^s\W]s)\b",
    re.I,
)
_THE_REST = re.compile(
    r"\s*the\s+(?:rest|others|remainder|remaining\s+ones?|other\s+ones?)\s*[?.!]*\s*", re.I
)
"""What is left of what the previous question counted."""
_WHICH_ONE = re.compile(
    r"\b(which|what|the(?:\s+(?:first|second|third|fourth|fifth|last|final|next|other|"
    r"latest|previous|same))?)\s+one(s?)\b",
    re.I,
)


def _one_named(text: str, previous: str) -> str:
    """ "Which one was proving stubborn?" after "How many of the eight targets had been
    met?": the one is a target; "What was the last one?", the last target."""
    one = _WHICH_ONE.search(text)
    counted = _COUNTED.search(previous) if one else None
    if one is None or counted is None:
        return text
    plural = counted.group(1)
    noun = plural if one.group(2) else plural[:-1]
    among = _AMONG.search(previous, counted.end())  # "… recommendations were in the review?"
    where = f" {among.group(0).strip()}" if among and " in " not in text[one.end() :] else ""
    return f"{text[: one.start()]}{one.group(1)} {noun}{where}{text[one.end() :]}"


_AMONG = re.compile(r"\b(?:in|of|from)\s+(?:the|its|their|this|that)\s+[^?,;]+", re.I)
"""Where the things counted were ("in the serious case review"): "the last one" is there."""


_YEARLESS = re.compile(
    r"\b((?:in|by|since|from|until|during|before|after)\s+(?:early\s+|late\s+|mid-)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December))\b(?![\s,]*\d)"
)
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _with_year(text: str, previous: str) -> str:
    """ "And in November?" after a question of July 2009: November of that year."""
    years = [m.group() for m in _YEAR.finditer(previous)]
    if not years:
        return text
    return _YEARLESS.sub(lambda m: f"{m.group(1)} {years[-1]}", text)


_ELIDED = re.compile(
    r"(?:which|what|who)(?:\s+[\w'’-]+){0,2}?\s+(?:was|were|is|are|has|have|had)"
    r"(n['’]t|\s+not)?\W*",
    re.I,
)
_AUXILIARY_AT = re.compile(r"\s(was|were|is|are|has|have|had)(n['’]t|\s+not)?\b", re.I)


_OCCASION = re.compile(
    r"^\s*(?:what about\s+)?(?:the|that)\s+(?:time|one|occasion|inspection)\s+"
    r"(?=(?:before|after)\s+(?:that|then)\W*$)",
    re.I,
)
"""An occasion named before "before that" ("the time before that"): only the shift."""
_BY_WHOM = re.compile(r"(?:and\s+)?(?:who\s+by|by\s+whom|by\s+who)\W*", re.I)
"""A follow-up asking who did what the previous question asked about ("Who by?")."""
_WH_LED = re.compile(r"^\s*(?:when|where|why|how|what|which)\s+(?=(?:was|were|is|are)\s)", re.I)
"""A question whose word leads a passive verb ("When was X murdered?"): "by whom" takes it."""


_BARE_SHIFT = re.compile(r"\s*(before|after)\s+(?:that|then)\W*", re.I)
"""A follow-up that only moves in time ("And before that?"): it needs a date to move from."""


def _ends_passive(question: str) -> bool:
    """The question ends on a past participle ("When was X murdered?"): "by whom" fits."""
    last = WORD.findall(question)[-1:]
    return bool(last) and (last[0].endswith("ed") or last[0].lower() in PARTICIPLES)


_SAID_SO = re.compile(
    r"(?:and\s+)?(?:who|which\s+[\w'’-]+)\s+(said|says|stated|claimed|announced|wrote)\s+"
    r"(?:so|that|this|it)\W*|says\s+who\W*",
    re.I,
)
"""A follow-up asking who said what was just answered ("Who said so?", "Says who?")."""
_LEAD_IN = re.compile(r"^(?:in (?:the|an) [^:]{0,80}:\s*)?(?:,?\s*under “[^”]*”:\s*)?", re.I)
"""The writer's lead-in before a quote ("In the record of 3 May 2013, under “…”: ")."""
_SAID_WORDS = 30
_SAYING = re.compile(r"\b(?:said|says|told|added|stated|commented)\b")
"""A quote that names its speaker: the one a "Who said so?" is answered from."""


_CITED = re.compile(r"\[\d+\]")


_BARE_WHEN = re.compile(r"\s*when\s*[?.!]*\s*", re.I)
"""A follow-up that is only "When?"."""


def _when_of_dated_deed(rest: str, quoted: list[str], previous: Exchange) -> bool:
    """ "When?" after "What did X do?" whose answer's first quote gives a date."""
    if not (_BARE_WHEN.fullmatch(rest) and quoted):
        return False
    if not find_dates(_LEAD_IN.sub("", quoted[0])):
        return False
    return _asked_what_was_done(parts(first_part(previous.question)))


def _when_told(quote: str) -> str:
    """ "When?" of the deed the previous answer quoted with a date: asked of its words, so
    the sentence that told it answers with its date (a quote giving none leaves "when"
    unresolved: another sentence's date would answer about something else)."""
    told = " ".join(_LEAD_IN.sub("", quote.strip()).split()[:_SAID_WORDS]).rstrip(" .,;:")
    return sentence("When was it that", told)


def _who_said(verb: str | None, exchange: Exchange) -> str:
    """Who said the previous answer's first quote that names a speaker (else its first
    quote), the speaker's name taken out: it is what is asked."""
    quotes = [q for q in _CITED.split(exchange.reply)[:-1] if _LEAD_IN.sub("", q.strip())]
    quoted = next((q for q in quotes if _SAYING.search(q)), quotes[0])
    said = _LEAD_IN.sub("", quoted.strip())
    for person in named(said).people:  # the speaker is what is asked, not given
        said = said.replace(person.name, " ")
    said = " ".join(re.sub(r"(?:\s*,)+", ",", said).split()[:_SAID_WORDS])
    return sentence(f"Who {(verb or 'said').lower()}", f"“{said}”")


def _elided(text: str, previous: str) -> str | None:
    """ "And which one wasn't?" after "Which areas were rated good?": the previous question
    with its verb phrase, negated or not as the follow-up says ("Which areas were not rated
    good?")."""
    m = _ELIDED.fullmatch(text.strip())
    verb = _AUXILIARY_AT.search(previous)
    if m is None or verb is None:
        return None
    negation = " not" if m.group(1) else ""
    return previous[: verb.end(1)] + negation + previous[verb.end() :]


_WHICH_NOUN = re.compile(
    r"(?:(?:under|in|for|by|from|at|on|to|with|of|about|after|before|during|over|within|"
    r"across|through|throughout|until|since|against|into|among)\s+)?"
    r"(?:which|what)\s+([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)\W*",
    re.I,
)


_NO_THING = frozenset({"else", "next", "one", "ones", "kind", "sort", "way"})
"""Words after "what"/"which" that name no thing asked after ("What else?", "Which one?")."""


def _asks_after(text: str) -> bool:
    """A verbless "which" phrase ("Under which Act?", "For which council?") asks one more
    thing of the previous question, which it is read with."""
    m = _WHICH_NOUN.fullmatch(text.strip())
    if m is None:
        return False
    words = m.group(1).split()
    if any(is_verb(w) or w.lower() in AUXILIARIES for w in words):
        return False
    return all(w.lower() not in FUNCTION_WORDS | _NO_THING and len(w) > 2 for w in words)


def _in_place(question: str, antecedents: Antecedents, typed: str | None = None) -> str:
    """A follow-up that names nobody and nowhere ("Who is taking the service over?") is
    still about the place the conversation is about; so is one whose pronoun the rewrite
    named (`typed`: the message as typed, "When was she appointed?")."""
    found = named(typed if typed is not None else question)
    if antecedents.places(question) or found.bodies or found.people:
        return question
    place = _topic(antecedents)
    if place is None or place.lower() in question.lower():
        return question
    second = SECOND_PART.search(question)  # "Who …, and when?": the place goes with the first
    if second is not None:
        return sentence(question[: second.start()], f"in {place}{question[second.start() :]}")
    return sentence(question.rstrip("?.! "), f"in {place}")


def _topic(antecedents: Antecedents) -> str | None:
    """The place the latest question naming one is about: a one-word name it gives as an
    owner, after a preposition or before what it qualifies ("Northtown's services", "in
    Eastshire", "Northtown children's services"), not one that acts ("Ofsted rated …")."""
    for exchange in reversed(antecedents.history):
        question = exchange.question
        for place in reversed(antecedents.places(question)):
            name = re.escape(place)
            owner = rf"\b{name}['’](?:s\b|(?!\w))"
            owner_or_object = rf"{owner}|\b(in|at|for|to|of|on|across)\s+{name}\b"
            if re.search(owner_or_object, question) or _modifies(place, question):
                return place
        for body in named(question).bodies:
            council = _COUNCIL.fullmatch(body)
            if council:
                return council.group(1)  # "Eastshire County Council's services": Eastshire
    return None


_COUNCIL = re.compile(
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)??)\s+(?:County|City|Borough|District)\s+Council"
)
"""A council's name: the place it is the council of, which its pages call it by."""


def _modifies(place: str, question: str) -> bool:
    """The place opens a noun phrase and names what the next word names ("in Northtown
    children's services", "did Northtown children's services"), rather than acting ("did
    Ofsted move") or qualifying another's thing ("its good Ofsted rating")."""
    for m in re.finditer(rf"(?:^|\b([\w'’-]+)\s+){re.escape(place)}\s+([\w'’-]+)", question):
        before, following = (m.group(1) or "").lower(), m.group(2)
        if is_verb(following) or following.lower() in AUXILIARIES | FUNCTION_WORDS:
            continue
        if not before or before in _OPENERS:
            return True
        if before in AUXILIARIES and following.endswith(("'s", "’s")):
            return True  # the subject of "did Northtown children's services …"
    return False


_OPENERS = frozenset(
    "in of for at to on about across from within with by which what whose the".split()  # noqa: SIM905
)
"""Words before a place opening a noun phrase ("in Northtown children's services", "Which
Northtown councillor …", "the Northtown team")."""


def _there(m: re.Match[str], antecedents: Antecedents) -> str:
    """A closing "there" ("Who is the council leader there?") is the place asked about."""
    place = antecedents.place()
    return f" in {place}" if place else m.group(0)


def _dates(cur: Parts, prev: Parts, shift: Shift | None, antecedents: Antecedents) -> str:
    """A new period replaces the old; a relative one counts from it (or from the date the
    previous answer gave); else the old carries."""
    if cur.dates:
        return cur.dates
    if _OWN_TIME.search(" ".join((cur.subject, cur.verb, cur.rest))):
        return ""  # "this week": a time of its own, not the earlier period
    if shift is not None:
        return shifted(shift, prev.dates or antecedents.period())
    return "" if cur.head.lower().startswith("when") else prev.dates


@dataclass(frozen=True)
class _Context:
    """What a rewrite reads from: the earlier exchanges, the previous question's parts, and the
    pronouns of the message nothing in it could stand for."""

    antecedents: Antecedents
    prev: Parts
    orphans: set[str]


def _rewrite(cur: Parts, prev: Parts, dates: str, context: _Context) -> str:
    """The follow-up with the earlier subject, people and period carried in."""
    if not cur.head:
        return _fragment(cur, prev, dates, context)
    cur = _with_topic(cur, prev)
    tail = cur.head.split()[-1].lower()
    bare = not (tail in AUXILIARIES or is_verb(tail))
    plain = not cur.subject or cur.subject.lower() in {"it", "that", "this"}
    asks_of_it = cur.subject.lower() in {"it", "that", "this"} and not cur.verb
    alone = not (cur.subject or cur.verb or cur.rest)  # "When?"
    if (asks_of_it or alone) and _WHEN_WHY.match(cur.head) and _asked_what_was_done(prev):
        raise _Unresolved(cur.subject or cur.head.lower())  # "What did X do?" - "When?"
    if plain and not cur.verb and (bare or tail in BE) and prev.participle:
        agreeing = next((w.lower() for w in prev.head.split() if w.lower() in BE), "was")
        head = f"{cur.head} {agreeing}" if bare else cur.head  # "were the staff removed"
        person = context.antecedents.person() if _asks_who_was(prev) else None
        if person is not None:  # "Who was appointed X?" - "When?": when was the person
            return sentence(head, person.mention(), prev.participle, prev.subject, dates)
        return sentence(head, prev.subject, prev.participle, dates)
    if not cur.subject and tail in _INTRANSITIVE:
        return sentence(cur.head, dates)  # "What happened the year after?": asked of a period
    if not cur.subject and _WHO_DID.match(cur.head) and tail not in AUXILIARIES:
        rest = _substituted(cur.rest, context, after=tail)
        return sentence(cur.head, rest, dates)  # "Who was criticised?": "who" is the subject
    deed = _deed_answered(cur, prev, context.antecedents)
    if deed is not None:
        return sentence(cur.head, "it", cur.verb, cur.rest, "that", deed)
    lasting = cur.verb.split()[0].lower() in _EVENT_VERBS if cur.verb else False
    happening = _happening(prev) if cur.subject.lower() == "it" and lasting else None
    subject = happening or _substituted(cur.subject or "it", context, after=cur.head.split()[-1])
    source = context.antecedents.source
    if cur.subject.lower() == "it" and source and _REPORTING.match(cur.verb):
        subject = source  # "According to the plan, …?" - "What did it recommend?"
    rest = _substituted(cur.rest, context, after=cur.verb.split()[-1] if cur.verb else None)
    return sentence(cur.head, subject, cur.verb, rest, dates)


_REPORTING = re.compile(
    r"(?:say|said|says|recommend|find|found|conclu|state|propos|report|suggest|warn|"
    r"highlight|criticis|prais|note|identif|describ|set out|list)",
    re.I,
)
"""What a record does ("What did it recommend?", "its findings"): the record a question's
"According to …" named, not the thing it asked about."""
_WHEN_WHY = re.compile(r"^(?:when|why|where)\b", re.I)
_WHO_DID = re.compile(r"^(?:who|whom)\b", re.I)
"""A question whose word is its subject ("Who was criticised?"): no "it" to supply."""


_TELLING_TEXT = """
    announce announced confirm confirmed reveal revealed decide decided agree agreed approve
    approved happen happened occur occurred
"""
_TELLING = frozenset(_TELLING_TEXT.split())
"""Verbs whose "that" is a deed an answer told ("When was that announced?")."""


def _deed_answered(cur: Parts, prev: Parts, antecedents: Antecedents) -> str | None:
    """ "When was that announced?" after "Who succeeded X as director?": what the answer
    told, the person answered doing what was asked ("Jane Doe succeeded X as director")."""
    words = prev.head.split()
    asks_who = len(words) == 2 and words[0].lower() in {"who", "whom"}
    if not asks_who or cur.subject.lower() not in {"that", "this"} or not cur.verb:
        return None
    if not _WHEN_WHY.match(cur.head) or not is_verb(words[1].lower()):
        return None
    if cur.verb.split()[0].lower() not in _TELLING:
        return None  # "When was that set up?": the thing asked about, not the deed
    person = antecedents.person()
    if person is None:
        return None
    return " ".join([person.name, words[1], prev.subject, prev.verb, prev.rest])


def _asked_what_was_done(prev: Parts) -> bool:
    """The previous question asked what was done ("What did the government do?"): "that"
    is the deed its answer told, which no words of the question name."""
    said = prev.verb or prev.head
    verb = said.split()[-1].lower() if said else ""
    return verb in {"do", "does", "did", "done", "happen", "happened"}


def _asks_who_was(prev: Parts) -> bool:
    """ "Who was appointed …?": a passive who-question, whose answer is the person."""
    words = prev.head.lower().split()
    return len(words) >= 3 and words[0] in {"who", "whom"} and words[1] in BE


def _fragment(cur: Parts, prev: Parts, dates: str, context: _Context) -> str:
    """A follow-up with no question word, asked as the previous question: "and in 2010?"
    changes its period, "and for leadership?" adds to it, "what about adoption?" changes what
    it asks about."""
    phrase = _substituted(cur.subject, context)
    if not has_content(phrase):
        return sentence(prev.head, prev.subject, prev.verb, prev.rest, dates)
    if _BOUND_THAT.search(cur.subject) and context.prev.dates:
        dates = ""  # "and before that?": the bound replaces the period it counts from
    about = prev.rest.split()[0].lower() if prev.rest.split() else ""
    if about in _ABOUT and phrase.split()[0].lower() in _ABOUT:
        return sentence(prev.head, prev.subject, prev.verb, phrase, dates)  # "and on X?"
    if _MODIFIER.match(phrase) or phrase.lower() in _ADVERBS:
        return sentence(prev.head, prev.subject, prev.verb, prev.rest, phrase, dates)
    words = prev.head.split()
    if prev.topic and [w.lower() for w in words[:2]] in (["how", "many"], ["how", "much"]):
        head = " ".join([*words[:2], phrase, *words[2 + len(prev.topic.split()) :]])
        return sentence(head, prev.subject, prev.verb, prev.rest, dates)
    clause = prev.rest.split()
    if clause and clause[-1].lower() in BE:  # "... say its vacancy rate was": the rate
        return sentence(prev.head, prev.subject, prev.verb, phrase, clause[-1], dates)
    if clause and clause[0].lower() in {"about", "on", "for", "of", "into"}:
        return sentence(prev.head, prev.subject, prev.verb, clause[0], phrase, dates)
    return sentence(prev.head, phrase, prev.verb, prev.rest, dates)


_OWN_TIME = re.compile(
    r"\b(?:(?:this|last|next)\s+(?:week|month|year)|(?:after|before|since|until)\s+(?:him|her|them))\b",
    re.I,
)
"""A time of the follow-up's own: "this week"; "after her" (her time, not the date asked)."""
_ABOUT = frozenset({"about", "on", "of", "into", "regarding"})
"""Prepositions naming what a question asks about: "and about the sentencing?" after "What
did she say about the review?" asks about the sentencing instead."""


def _with_topic(cur: Parts, prev: Parts) -> Parts:
    """ "How many have been implemented?" counts what the previous question counted."""
    words = cur.head.split()
    counting = [w.lower() for w in words[:2]] in (["how", "many"], ["how", "much"])
    if not counting or cur.topic or not prev.topic or cur.subject.lower().startswith("of "):
        return cur
    return replace(cur, head=" ".join([*words[:2], prev.topic, *words[2:]]), topic=prev.topic)


_DEMONSTRATIVE = frozenset({"that", "this", "then"})
_TIME_BOUND = re.compile(r"\b(before|after|since|until|till|by)\s+$", re.I)
_IN = re.compile(r"^(in|on|at|during)\s+", re.I)
_BOUND_THAT = re.compile(r"\b(before|after|since|until|till|by)\s+(that|this|then)\b", re.I)


_THAT_THING = re.compile(
    r"\b(?:that|this)\s+(inspection|report|review|visit|meeting|letter|statement|judgement|"
    r"decision|notice|plan|inquiry|announcement)\b",
    re.I,
)


def _that_thing(text: str, prev: Parts) -> str:
    """ "that inspection" after a question about a thing ("What did Ofsted say about the
    fostering service?") is that thing's: "the inspection of the fostering service"."""
    thing = _object_of(prev)
    if thing is None or _THAT_THING.search(thing):
        return text
    return _THAT_THING.sub(lambda m: f"the {m.group(1)} of {thing}", text)


def _bound_to(text: str, told: str) -> str:
    """ "before that", "since then": bounded by the period the previous question asked about
    ("… at the inspection before that?" after "… at the 2017 inspection?": before 2017), or
    else by the date its answer gave."""
    if not told or not _BOUND_THAT.search(text):
        return text
    when = _IN.sub("", told)
    ends = find_dates(when)

    def bound(m: re.Match[str]) -> str:
        word = m.group(1)
        if len(ends) < 2:
            return f"{word} {when}"
        end = ends[-1] if word.lower() in {"after", "since"} else ends[0]  # a range's end
        return f"{word} {when[end.start : end.end]}"

    return _BOUND_THAT.sub(bound, text)


_THEN_AT_END = re.compile(
    r"(?<!\bsince)(?<!\bafter)(?<!\bbefore)(?<!\buntil)(?<!\btill)(?<!\bby)(?<!\bfrom)"
    r"\s+(?:back\s+)?(?:then|at (?:that|the) time)(?=\W*$)",
    re.I,
)
"""A follow-up's closing "then" or "at that time": the time the exchange before spoke of."""
_HAPPENING = re.compile(r"\bhappen|^\W*(?:and|what|so)?\W*then\W*$", re.I)
"""In "What happened then?" or "And then?" the "then" is "next", no time already spoken of."""


def _at_that_time(text: str, when: str) -> str:
    """ "Who chaired the board then?" after a reply dated July 2010: in July 2010."""
    if not when or _HAPPENING.search(text):
        return text
    if re.match(r"in \d{1,2} ", when):
        when = "on" + when[2:]  # "in 27 July 2010" reads "on 27 July 2010"
    return _THEN_AT_END.sub(f" {when}", text, count=1)


_EVENT_OF = {
    verb: noun
    for noun, verbs in {
        "inspection": "inspect inspected",
        "review": "review reviewed",
        "visit": "visit visited",
        "investigation": "investigate investigated",
        "assessment": "assess assessed",
        "meeting": "meet met",
        "audit": "audit audited",
        "consultation": "consult consulted",
        "evaluation": "evaluate evaluated",
        "hearing": "hear heard",
    }.items()
    for verb in verbs.split()
}
"""The event a verb names ("inspect": the inspection), for an "it" that lasts or happens."""
_EVENT_VERBS = frozenset(
    [
        "last",
        "lasted",
        "lasts",
        "happen",
        "happened",
        "take",
        "took",
        "start",
        "started",
        "begin",
        "began",
        "end",
        "ended",
        "finish",
        "finished",
        "run",
        "ran",
        "conclude",
        "concluded",
        "occur",
        "occurred",
    ]
)


def _answer_dated(text: str) -> bool:
    """ "before that" counts from the date the previous answer gave when the follow-up asks
    when or what happened, or bounds an occasion ("the inspection before that"); else "that"
    is the deed told ("What had he led before that?")."""
    words = {w.lower() for w in WORD.findall(text)}
    asks_time = bool(re.match(r"\s*when\b", text, re.I)) or bool(words & _INTRANSITIVE)
    return asks_time or bool(_OCCASION_BOUND.search(text))


_OCCASION_BOUND = re.compile(
    rf"\b(?:{'|'.join(sorted(set(_EVENT_OF.values())))}|time|occasion|report|judge?ment|"
    r"rating|letter)s?\s+(?:before|after|since)\s+(?:that|this|then)\b",
    re.I,
)


_EVENT_NOUNS = frozenset(_EVENT_OF.values()) | {"inquiry", "trial", "report", "programme"}


def _happening(prev: Parts) -> str | None:
    """The event or record the previous question named, as its subject or object ("the
    review of Northtown's services"): what an "it" that lasts or happens is."""
    for phrase in (prev.subject, _object_of(prev)):
        head = without_modifier(phrase or "").split()
        definite = bool(head) and head[0].lower() in {"the", "this", "that", "its"}
        if definite and head[-1].lower() in _EVENT_NOUNS:
            return phrase
    return None


def _substituted(text: str, context: _Context, after: str | None = None) -> str:
    """The text with each anaphor replaced by what it stands for (`after`: the word before
    the text, a verb whose object "it" may be)."""

    def swap(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        if word in _DEMONSTRATIVE and _TIME_BOUND.search(text[: m.start()]):
            if not context.prev.dates:
                return m.group(0)  # "what had he led before that?": before the deed told
            return _IN.sub("", context.prev.dates)  # "before that": before the date asked about
        before = WORD.findall(text[: m.start()])[-1:] or ([after] if after else [])
        following = WORD.findall(text[m.end() :])[:1]
        if word == "there" and {w.lower() for w in before + following} & BE:
            return m.group(0)  # "How many were there?", "Were there any …?": none is a place
        if word == "it" and _EMPTY_IT.match(text, m.end()):
            return m.group(0)  # "How long has it been since …?": "it" stands for nothing
        source = context.antecedents.source
        if source and word in ("it", "its") and following and _REPORTING.match(following[0]):
            return f"{source}'s" if word == "its" else source  # "According to the plan, …"
        event = _EVENT_OF.get(context.prev.verb.split()[-1].lower()) if context.prev.verb else None
        if word == "it" and following and following[0].lower() in _EVENT_VERBS:
            if event:
                return f"the {event}"  # "When did Ofsted inspect …?" - "How long did it last?"
            happening = _happening(context.prev)
            if happening:
                return happening  # "Who led the review of …?" - "How long did it take?"
        if word == "it" and before and is_verb(before[0]):
            done = context.antecedents.object_of(before[0])  # "Who issued it?"
            if done:
                return done
        possessive = is_possessive(word, WORD.findall(text[m.end() :])[:1])
        return _referent(word, possessive, context)

    return _ANAPHOR.sub(swap, text)


_EMPTY_IT = re.compile(r"\s+been\s+since\b", re.I)
"""After "it", the words of a time passed ("has it been since"): no thing is meant."""


def _referent(word: str, possessive: bool, context: _Context) -> str:
    """What an anaphor points back to; raises _Unresolved when nothing earlier fits a pronoun
    nothing in the message could stand for either."""
    prev, antecedents = context.prev, context.antecedents
    if word == "then":
        return "" if prev.dates else "then"  # the dates are added to the question anyway
    if word == "there":  # not "in Jane Doe", after "Where was Jane Doe director?"
        placeless = prev.head.lower().startswith("where") or bool(named(prev.subject).people)
        return f"in {prev.subject}" if prev.subject and not placeless else word
    if word not in PERSONAL | IMPERSONAL:
        if prev.subject and is_person(prev.subject):
            return _object_of(prev) or antecedents.body() or word  # "this" is no person
        return prev.subject or word
    if word in PERSONAL:
        person = antecedents.person(word)
        found = None if person is None else person.name if possessive else person.mention()
    else:
        found = antecedents.thing(word) or (word if prev.dates else antecedents.body())
    if found is None:
        if word in context.orphans:
            raise _Unresolved(word)
        return word
    if possessive and found != word:
        owner = without_modifier(found)
        if is_plural(owner) and owner.endswith("s"):
            return f"{owner}'"  # "their minds": "the inspectors' minds"
        return f"{owner}'s"  # "its" of "the review into …": "the review's"
    return found


def _object_of(prev: Parts) -> str | None:
    """The definite thing the previous question asked about after its verb ("about the
    report"), for a "this" or "that" that cannot be the person it asked about."""
    rest = re.sub(r"^(?:about|on|of|for|into|with|to)\s+", "", prev.rest.strip(), flags=re.I)
    first = rest.split()[0].lower() if rest.split() else ""
    return rest if first in {"the", "this", "that", "its", "their"} else None


def _pronoun_note(word: str) -> str:
    """What to tell the user about a pronoun with no antecedent."""
    if word in PERSONAL:
        return f"I could not tell who '{word}' refers to: name the person."
    if word in {"it", "its"}:
        return f"I could not tell what '{word}' refers to: name it."
    if _WHEN_WHY.match(word):
        return f"I could not tell what '{word}' asks about: name the event."
    return f"I could not tell who or what '{word}' refers to: name them."


def _period_note(shift: Shift | None) -> str | None:
    """What to tell the user about a relative period with nothing to count from."""
    if shift is None:
        return None
    return f"I could not tell which {shift.unit} '{shift.phrase}' means: give the {shift.unit}."

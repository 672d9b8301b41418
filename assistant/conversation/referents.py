"""Pronouns that need an earlier turn, and the people and things earlier turns offer them."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.conversation.entities import (
    ROLE_OF_PRONOUN,
    TITLES,
    Named,
    Person,
    cited_text,
    is_person,
    is_plural,
    is_role_word,
    named,
    places,
    plain,
    ranked,
    without_modifier,
)
from assistant.conversation.models import Exchange
from assistant.conversation.parts import Parts, first_part, parts, source_of, without_adverbs
from assistant.conversation.words import (
    AUXILIARIES,
    FUNCTION_WORDS,
    WORD,
    has_content,
    is_verb,
    sex_of,
)
from index import find_dates, format_date

Recall = Callable[[str], str]  # an earlier question -> the text of its answer
Common = Callable[[str], bool]  # a name -> whether most records use it (the inspectorate's)

PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_HE = frozenset({"he", "him", "his"})
_SHE = frozenset({"she", "her", "hers"})
_OTHER_SEX = {**{w: _SHE for w in _HE}, **{w: _HE for w in _SHE}}
"""The pronouns that cannot stand for whom a pronoun of the other sex stood for."""
IMPERSONAL = frozenset({"it", "its", "they", "them", "their", "theirs"})
POSSESSIVE = frozenset({"his", "its", "their"})
PLURAL = frozenset({"they", "them", "their", "theirs"})
_PRONOUN = re.compile(r"\b(he|she|him|her|his|hers|it|its|they|them|their|theirs)\b", re.I)
_BOUNDARY = re.compile(
    r"[,;]|\b(?:and|but|or|who|which|when|after|before|because|while|whereas|where)\b", re.I
)
_INTRO = re.compile(r"\bIn [^.:\[]{0,80}? of [^.:\[]{0,40}?\d{4}(?:, under “[^”]*”)?:")  # doc dates
_OWNER = re.compile(r"(?<!^)\b([A-Z][\w-]*(?: [A-Z][\w-]*)*)['’]s\b")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_DUMMY_IT_TEXT = """
    true possible likely clear take took takes taken seem seems seemed appear appears
    between since until like
    """
_DUMMY_IT = frozenset(_DUMMY_IT_TEXT.split())
_TAKING = frozenset({"take", "took", "takes", "taken"})


def unbound(text: str, *, strict: bool = True) -> list[str]:
    """The pronouns of a message that nothing before them in the message can stand for;
    `strict` also counts those only the subject of their own clause precedes ("What did the
    Minister say about her?"), not just those nothing precedes."""
    found: list[str] = []
    for m in _PRONOUN.finditer(text):
        word, after = m.group(1).lower(), WORD.findall(text[m.end() :])[:1]
        rest = WORD.findall(text[m.end() :])[1:2]
        ends = after and after[0].lower() in _TAKING and not rest
        if word == "it" and after and after[0].lower() in _DUMMY_IT and not ends:
            continue  # "how long did it take to ...": no referent wanted, unlike "… take?"
        before = text[: m.start()]
        if is_possessive(word, after):
            if _noun_phrase_end(before) < 0:
                found.append(word)
        elif strict and 0 <= _noun_phrase_end(before) < _last_boundary(before):
            continue  # "Who chaired the Task Force and what did it find?": bound in the message
        elif not strict and has_content(_without_verbs(before)):
            continue  # "... did ministers say they would act": something could stand for it
        else:
            found.append(word)
    return found


def _without_verbs(text: str) -> str:
    """The text without its question words, auxiliaries and verbs: what could be a noun."""
    kept = [w for w in WORD.findall(text) if not (is_verb(w) or w.lower() in AUXILIARIES)]
    return " ".join(kept)


def _last_boundary(text: str) -> int:
    """Where the last clause boundary of the text ends, or -1."""
    return max((b.end() for b in _BOUNDARY.finditer(text) if b.start() > 0), default=-1)


def is_possessive(word: str, after: list[str]) -> bool:
    """Whether a pronoun is a possessive ("her role"), not an object ("about her")."""
    if word in POSSESSIVE:
        return True
    return word == "her" and bool(after) and after[0].lower() not in FUNCTION_WORDS


def _noun_phrase_end(text: str) -> int:
    """Where the first noun phrase of the text ends ("the Minister", "Ofsted"), or -1."""
    words = list(WORD.finditer(text))
    for i, m in enumerate(words):
        word = m.group(0)
        if i > 0 and word[:1].isupper() and word != "I":
            return m.end()
        if word.lower() in _DETERMINERS and i + 1 < len(words):
            return words[i + 1].end()
    return -1


def _is_role(subject: str) -> bool:
    """A question's subject naming a person by role ("the Minister")."""
    return has_content(subject) and is_person(subject)


class Antecedents:
    """Who and what the earlier exchanges talked about, the most recent first."""

    def __init__(
        self, history: list[Exchange], recall: Recall | None, common: Common | None = None
    ) -> None:
        self.history = history
        self.recall = recall
        self.common = common
        self.previous = (
            parts(first_part(history[-1].question)) if history else Parts("", "", "", "")
        )
        self.source = source_of(history[-1].question) if history else None
        self._names: dict[int, Named] = {}
        self._texts: dict[int, str] = {}
        self._stood_for: dict[str, str] = {}  # this message's pronouns and whom they named

    def person(self, word: str = "") -> Person | None:
        """As `_person`, remembered so that in one message "her" is not whom "he" was
        ("What did he say her legacy would be?")."""
        found = self._person(word)
        if found is not None and word:
            self._stood_for[word.lower()] = found.name
        return found

    def _person(self, word: str = "") -> Person | None:
        """The person "he" or "she" (`word`) stands for, from the latest exchange that names
        one: a name in its question; its subject, when a role ("the Minister") and not what
        a "who" question asked for; the person its answer names for what was asked. Not one
        an earlier message called by the other pronoun ("she" is not whom "he" stood for)."""
        for age, exchange in enumerate(reversed(self.history)):
            asked = parts(first_part(exchange.question))
            who = _asks_who(asked) or _asks_which_person(asked)
            in_question = named(exchange.question).people
            answered_first = who and (age == 0 or not in_question)
            answered = [p for p in self._answered(exchange).people if not _among(p, in_question)]
            if answered_first and (people := self._fitting(answered, word)):
                return people[0]  # "Who wrote the review for X?" - "he": who wrote it
            if people := self._fitting(named(exchange.question).people, word):
                return people[0]
            role = Person(_RAISING.sub("", asked.subject))
            if not who and _is_role(role.name) and self._fitting([role], word):
                return role
            if people := self._fitting(self._answered(exchange).people, word):
                return people[0]
            if age == 0 and _asks_who(asked):
                words = [asked.head.split(maxsplit=1)[1], asked.subject, asked.verb, asked.rest]
                return Person(f"the person who {' '.join(' '.join(words).split())}")
        return self._given_name(word)

    def _given_name(self, word: str) -> Person | None:
        """A person the latest question names by one name alone ("How many injuries was Sam
        found with?"), as records name a child: one capitalised word past the first that is
        no place asked about, no name most records use, and not marked as the other sex."""
        if not self.history or word.lower() not in _HE | _SHE:
            return None
        question = self.history[-1].question
        found = [
            _unowned(m.group(0))
            for m in WORD.finditer(question)
            if m.start() > 0
            and _lone_name(m.group(0), question)
            and not (self.common and self.common(_unowned(m.group(0))))
        ]
        people = [Person(n) for n in dict.fromkeys(found)]
        fitting = self._fitting(people, word) if len(people) == 1 else []
        return fitting[0] if fitting else None

    def _fitting(self, people: tuple[Person, ...] | list[Person], word: str) -> list[Person]:
        """Those of the people who are no place and whom no earlier message called by the
        pronoun of the other sex."""
        other = _OTHER_SEX.get(word.lower(), frozenset())
        taken = {name for pronoun, name in self._stood_for.items() if pronoun in other}
        said = " ".join(f"{e.question} {e.reply}" for e in self.history)
        wanted = "he" if word.lower() in _HE else "she" if word.lower() in _SHE else None
        return [
            p
            for p in self._not_places(tuple(people))
            if not self._called(p, other)
            and not _among(p, tuple(Person(t) for t in taken))
            and (wanted is None or sex_of(p.name, said) in (None, wanted))
        ]

    def _called(self, person: Person, pronouns: frozenset[str]) -> bool:
        """An earlier message used one of the pronouns where its resolved question names the
        person ("What did he say?" made "What did John Roe say?")."""
        return any(
            person.name in exchange.question
            and person.name not in exchange.said
            and {w.lower() for w in WORD.findall(exchange.said)} & pronouns
            and not _owner_stood_for(person.name, exchange.said)
            and not _holder_named(person.name, exchange)
            for exchange in self.history
        )

    def _not_places(self, people: tuple[Person, ...]) -> list[Person]:
        """Two capitalised words may be a place ("Eastshire Fields"): not one the
        conversation has asked about as a place ("Eastshire Fields' director", "in Eastshire
        Fields")."""
        asked = " ".join(e.question for e in self.history)
        return [p for p in people if not _asked_as_place(p.name, asked)]

    def thing(self, word: str) -> str | None:
        """What "it" or "they" stands for in the previous exchange: for "its", the owner it
        named ("Northtown's report"); what it counted ("How many
        recommendations ...?" - "how many of them"); its subject, when a named or definite
        thing ("the Task Force"); else the body its answer named for a "which council" or
        "who" question. "They" after "who" is the answer's body first."""
        previous, plural = self.previous, word in PLURAL
        if plural and previous.topic and is_plural(previous.topic):
            return f"the {previous.topic}"
        if word in ("them", "those"):  # "How many of them?": the people or things asked of
            subject = _LEADING_PREPOSITION.sub("", self.previous.subject)
            if _definite(subject) and is_plural(without_modifier(subject)):
                return subject
            group = _PLURAL_GROUP.search(self.previous.rest)
            if group and is_plural(without_modifier(group.group(1))):
                return group.group(1)  # "… say about the staff involved?" - "How many of them?"
        asked = self.history[-1].question if self.history else ""
        owners = [o for o in _OWNER.findall(asked) if word == "their" or not is_person(o)]
        if word in POSSESSIVE and owners:
            return str(owners[-1])  # "Northtown's report" - "its board": Northtown's
        who = _asks_who(previous)
        answered = self._answered_body() if who or previous.topic else None
        if answered and plural and who:
            return self._with_partner(answered)
        if answered and (previous.topic or plural):
            return answered
        thing = self._answered_thing(previous.topic) if previous.topic and not plural else None
        if thing:
            return thing  # "Which service did Ofsted upgrade?" - "the fostering service"
        asked_for = f"the {previous.topic}" if previous.topic and not plural else None
        owned = self._owned_thing() if word == "it" else None
        return owned or self._subject(plural) or answered or asked_for  # "What inquiry …?"

    def _owned_thing(self) -> str | None:
        """The thing the previous question gave its subject as owning ("What did Northtown
        pick to run its children's trust?" - "When was it to launch?": Northtown's children's
        trust), the last thing it named."""
        subject = self.previous.subject
        owned = _ITS_THING.search(self.previous.rest)
        if owned is None or not has_content(subject) or is_person(subject):
            return None
        return f"{subject}'s {owned.group(1)}"

    def _subject(self, plural: bool) -> str | None:
        """The previous subject if "it" can stand for it: a thing, named or definite ("What
        happened to the three staff members?": they are the staff members)."""
        subject = _TRAILING_TIME.sub("", _LEADING_PREPOSITION.sub("", self.previous.subject))
        subject = without_adverbs(subject)  # "the trust actually": the trust
        if not has_content(subject) or not _definite(subject):
            return None
        if is_person(subject, certain=True) or subject in self._people_replied():
            _, of, owner = subject.partition(" of ")  # "the chief executive of X": X
            return owner if of and has_content(owner) else None
        return subject if plural or not is_plural(subject) else None

    def _people_replied(self) -> set[str]:
        """The people the replies so far name: a name a reply gave as a person ("Jane Doe,
        Chair of …") is no "it", though two capitalised words may name a place."""
        return {p.name for e in self.history for p in named(cited_text(e.reply)).people}

    def _answered_body(self) -> str | None:
        """The body the previous answer names for what was asked ("Northtown City Council" for
        "Which council ...?"), one holding the asked word first."""
        if not self.history:
            return None
        bodies = self._answered(self.history[-1]).bodies
        topic = self.previous.topic.lower().split()
        if topic:
            bodies = tuple(b for b in bodies if topic[-1] in b.lower().split())
        return f"the {bodies[0]}" if bodies else None

    def _answered_thing(self, topic: str) -> str | None:
        """The thing the previous answer gives for a "which <topic>" question, with the
        words before the topic's noun that name it ("the fostering service")."""
        if not self.history:
            return None
        noun = topic.split()[-1]
        cited = cited_text(self.history[-1].reply)
        found = re.search(rf"(?<![\w’'])((?:[a-z][a-z-]*\s+){{1,2}}){re.escape(noun)}\b", cited)
        if found is None:
            return None
        words = [w for w in found.group(1).split() if w not in FUNCTION_WORDS]
        return f"the {' '.join([*words, noun])}" if words else None

    def _with_partner(self, body: str) -> str:
        """ "They" after "Who carried out the review?" answered "by Ofsted and the Care
        Quality Commission": both bodies the answer names together, not one of them."""
        cited = cited_text(self.history[-1].reply) if self.history else ""
        name = body.removeprefix("the ")
        partner = re.search(
            rf"\b([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*) and (?:the )?{re.escape(name)}", cited
        )
        if partner is None:
            return body
        return f"{partner.group(1)} and the {name}"

    def body(self) -> str | None:
        """The body or place the latest question naming one names, else the latest answer."""
        for exchange in reversed(self.history):
            if found := named(exchange.question).bodies:
                return f"the {found[0]}"
            if where := self.places(exchange.question):
                return where[-1]
        for exchange in reversed(self.history):
            if found := self._answered(exchange).bodies:
                return f"the {found[0]}"
        return None

    def place(self) -> str | None:
        """The place the latest question naming one names ("Northtown's" -> "Northtown")."""
        for exchange in reversed(self.history):
            if where := self.places(exchange.question):
                return where[-1]
        return None

    def places(self, text: str) -> tuple[str, ...]:
        """The names of places a text gives that are not in most records: one word
        ("Northtown"), not the inspectorate every page names, or two or three words asked
        as a place ("Eastshire Fields' director", "in Eastshire Fields")."""
        single = [p for p in places(text) if self.common is None or not self.common(p)]
        return tuple(dict.fromkeys(single + _named_places(text)))

    def period(self) -> str:
        """The date the previous reply leads with ("When was it issued?" - "February 2009"),
        a date its sentences state before the date of the record they come from; past a
        reply that answered nothing, the one before it."""
        for exchange in reversed(self.history):
            answered = False
            for cited in (cited_text(exchange.reply), self._recalled(exchange)):
                found = find_dates(_INTRO.sub(" ", cited)) or find_dates(cited)
                if found:
                    return f"in {format_date(found[0].value)}"
                answered = answered or bool(cited.strip())
            if answered:
                return ""  # an answer with no date: "that" is what it told, not an older date
        return ""

    def _answered(self, exchange: Exchange) -> Named:
        """The names in the reply's cited sentences, those answering the question first; the
        question is asked again when the reply names none."""
        key = id(exchange)
        if key not in self._names:
            found = ranked(cited_text(exchange.reply), exchange.question)
            self._names[key] = found or ranked(self._recalled(exchange), exchange.question)
        return self._names[key]

    def object_of(self, verb: str) -> str | None:
        """What the previous answer says was done by the verb the follow-up asks about
        ("Who issued it?" after "… issued an Improvement Notice in February 2009": the
        Improvement Notice): a name after the same verb in its cited sentences."""
        if not self.history:
            return None
        exchange = self.history[-1]
        root = re.escape(verb.lower()[: max(4, len(verb) - 2)])  # "issued", "issue", "issues"
        pattern = re.compile(
            rf"\b{root}\w*\s+(?:an?|the)\s+((?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*))*)",
            re.I,
        )
        for text in (cited_text(exchange.reply), self._recalled(exchange)):
            found = pattern.search(text)
            if found:
                return f"the {found.group(1)}"
        return None

    def _recalled(self, exchange: Exchange) -> str:
        """The cited sentences of the answer to the previous question, asked again (older
        questions are not: one extra answer at most per turn)."""
        key = id(exchange)
        if key not in self._texts:
            latest = bool(self.history) and exchange is self.history[-1]
            reply = self.recall(exchange.question) if self.recall and latest else ""
            self._texts[key] = cited_text(reply)
        return self._texts[key]


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,2}\b")


def _named_places(text: str) -> list[str]:
    """Two or three capitalised words, none a role, institution or month, that the text
    asks about as a place ("Eastshire Fields' services", "in Eastshire Fields")."""
    return [
        m.group()
        for m in _CAPITALISED_RUN.finditer(text)
        if all(plain(w) for w in m.group().split()) and _asked_as_place(m.group(), text)
    ]


def _unowned(word: str) -> str:
    """The word without a possessive ending ("Sam's": "Sam")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _lone_name(word: str, question: str) -> bool:
    """A capitalised word standing alone (no capitalised neighbour), not a title, month or
    acronym, and neither placed ("in Northtown") nor owning a council's things
    ("Northtown's services")."""
    bare = _unowned(word)
    if not plain(bare) or not bare[:1].isupper() or bare.isupper() or len(bare) < 3:
        return False
    if bare.lower() in FUNCTION_WORDS or bare.lower().rstrip(".") in TITLES:
        return False
    alone = rf"(?<![A-Z][\w'’-] )(?<![A-Z][\w'’-]{{2}} )\b{re.escape(bare)}\b(?!\s+[A-Z])"
    if re.search(alone, question) is None:
        return False
    if _asked_as_place(bare, question) or _owns_a_service(bare, question):
        return False
    return _JUDGING.search(question.replace(bare, "\x00")) is None  # "What did Ofsted find?"


_JUDGING = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )"
    r"\x00(?:['’]s)?\s+(?:(?:has|had|have|will|would)\s+)?(?:said|says|found|finds|rated|rates|"
    r"judged|judges|inspected|inspects|reported|reports|published|publishes|concluded|"
    r"recommended|described|criticised|praised|announced|issued|ordered)\b"
    r"|\b(?:did|does|do|will|would|has|had)\s+\x00\s+(?:say|find|rate|judge|inspect|report|"
    r"publish|conclude|recommend|describe|criticise|praise|announce|issue|order)\b"
    r"|\bby\s+\x00",
    re.I,
)
"""A body at work ("What did Ofsted find?", "rated by Ofsted"): what inspects, reports or
orders is no one a child's "he" or "she" stands for."""
_SERVICE_NOUNS = r"(?:council|services?|department|children|trust|board|director|leader)"


def _owns_a_service(name: str, question: str) -> bool:
    """ "Northtown's children's services", "Northtown council": a place, not a person."""
    return (
        re.search(rf"\b{re.escape(name)}(?:['’]s)?\s+{_SERVICE_NOUNS}\b", question, re.I)
        is not None
    )


def _asked_as_place(name: str, questions: str) -> bool:
    """The name stands as a plural owner ("Eastshire Fields' director") or after a
    preposition of place ("in Eastshire Fields") in the questions asked ("Jane Doe's report"
    may be a person's)."""
    name = name.rstrip("'’")  # as read from "Eastshire Fields' director"
    quoted = re.escape(name)
    owner = rf"\b{quoted}['’](?!\w)" if name.endswith("s") else "(?!)"  # "Eastshire Fields'"
    placed = rf"\b(?:in|at|across|to|from)\s+{quoted}\b"
    return re.search(f"{owner}|{placed}", questions) is not None


_ITS_THING = re.compile(
    r"\bits\s+((?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]*)\s*(?:[?.!]*\s*$|\b(?:in|on|for|by|after)\b)"
)
"""A thing a question's subject owns, closing the question ("… to run its children's
trust?")."""
_PLURAL_GROUP = re.compile(r"\b(the\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)(?:\s+[a-z]+ed)?\s*$")
"""The definite group a question ends on ("about the staff involved"): what "them" counts."""


def _asks_who(asked: Parts) -> bool:
    """Whether a question asks for a person or body ("Who chaired ...?")."""
    return asked.head.lower().split()[:1] in (["who"], ["whom"])


def _asks_which_person(asked: Parts) -> bool:
    """Whether a question asks which person holds a role ("Which Northtown councillor spoke
    …?"): its answer names the one a later "he" or "she" stands for."""
    which = asked.head.lower().split() in (["which"], ["what"])  # not "What did the Minister …"
    return which and is_person(asked.topic or asked.subject)


_TRAILING_TIME = re.compile(
    r"(?:\s+(?:before|afterwards|earlier|later|previously|since|then|now))+$", re.I
)
"""Adverbs of time closing a subject ("Where was Ms Smith before?"): Ms Smith is asked about."""
_LEADING_PREPOSITION = re.compile(r"^(?:to|about|of|for|with|on|into|from)\s+", re.I)


def _definite(phrase: str) -> bool:
    """Whether a noun phrase names or points at a thing ("the Task Force", "Ofsted"), not a
    bare description ("children's social care in Northtown") or a clause ("over X")."""
    first = phrase.split()[0]
    return first[:1].isupper() or first.lower() in _DETERMINERS | {"its", "their"}


_RAISING = re.compile(
    r"\s+(?:found|said|thought|believed|known|reported|alleged|understood)\s+to\b.*$", re.I
)
"""A verb a subject is raised by ("the toddler … found to have suffered"): not the subject."""


def _owner_stood_for(name: str, said: str) -> bool:
    """The pronoun stood for the owner of a role the message itself names ("her partner"
    made "Jane Doe's partner"): the role's holder is no one it was called."""
    owner, mark, role = name.rpartition("'s ") if "'s " in name else name.rpartition("’s ")
    said_words = {w.lower() for w in WORD.findall(said)}
    return bool(owner and mark and role) and role.lower().split()[-1] in said_words


def _holder_named(name: str, exchange: Exchange) -> bool:
    """The message named a role held towards someone ("her partner") and its resolved
    question names the holder, not as an owner ("What was Jo Vey convicted of?"): the
    pronoun stood for the other one."""
    owned = re.search(rf"{re.escape(name)}['’]s\b", exchange.question) is not None
    return not owned and any(is_role_word(w) for w in ROLE_OF_PRONOUN.findall(exchange.said))


def _among(person: Person, people: tuple[Person, ...]) -> bool:
    """The person is one of the people, named in full or by title and surname ("Jane Doe",
    "Ms Doe"); two full names must agree in full ("John Doe" is not "Jane Doe")."""
    own = _bare(person.name)
    return any(
        own[-1] == other[-1] and (len(own) < 2 or len(other) < 2 or own[-2:] == other[-2:])
        for other in map(_bare, (p.name for p in people))
    )


def _bare(name: str) -> list[str]:
    """A name's words, lower case, without titles ("Cllr Jane Doe": jane, doe)."""
    words = [w.lower().strip("'’,.") for w in name.split()]
    return [w for w in words if w not in TITLES] or words

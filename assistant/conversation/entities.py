"""People and bodies named in a turn, learnt from capitalisation, titles and role words.

A person is a title with a name ("Cllr Jane Smith"), or two or three capitalised words none
of which is a role, an institution word or a month ("Jane Smith"); a role phrase ("the
Minister", "the Director of Children's Services") stands for a person too. A body is any
other capitalised run of two or more words ("Northtown City Council", "the Task Force") or
an acronym ("SCR"). The word classes are English, never names from the records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from assistant.conversation.words import FUNCTION_WORDS, WORD, is_verb

_TITLES_TEXT = "mr mrs ms miss mx dr cllr councillor sir dame lord lady baroness professor prof rev"
TITLES = frozenset(_TITLES_TEXT.split())
"""Courtesy titles and honorifics before a name ("Cllr", "Dame")."""
_ROLES_TEXT = """
    minister secretary director leader member chair chairman chairwoman chairperson chief
    executive commissioner inspector officer head mayor manager spokesman spokeswoman
    spokesperson president coroner judge mp adviser advisor governor deputy headteacher
    teacher nurse doctor worker author reviewer lead councillor councilor constable
    superintendent detective paediatrician pediatrician
    toddler baby boy girl child mother father stepfather stepmother grandmother grandfather
    son daughter sister brother man woman partner husband wife boyfriend girlfriend parent
    stepson stepdaughter uncle aunt cousin grandson granddaughter carer
    """
_ROLES = frozenset(_ROLES_TEXT.split())
_INSTITUTION_TEXT = """
    council board department committee trust service services agency authority force
    partnership inquiry review team office government panel group commission court police
    notice plan report house centre center school college university hospital unit programme
    act assessment inspection care children families safeguarding health people association
    society foundation network forum union party cabinet parliament ministry county city
    borough district area street road hall project strategy framework standards education
    protection news state inspectorate unit
    """
_INSTITUTION = frozenset(_INSTITUTION_TEXT.split())
_CALENDAR_TEXT = """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    """
_CALENDAR = frozenset(_CALENDAR_TEXT.split())
_CONNECTORS = frozenset({"of", "for", "the", "&"})
_TOKEN = re.compile(r"[A-Za-z][\w’'&-]*|[.!?;:,“”\"()\n]")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*")
_POSSESSIVE = re.compile(r"['’]s$")
_MARKER = re.compile(r"\[\d+\]")
_HEADING = re.compile(r"\b[Uu]nder “([^”]*)”:?")
"""The heading a reply shows above a quote ("In the record of …, under “…”:")."""
_POINTS_BACK = re.compile(r"\W*(?:[^:“”.]{0,60}:\s+)?(?:He|She|They)\b")
"""A sentence whose subject is someone named before it (after any "In the record of …:")."""
_SENTENCE = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")
_T = TypeVar("_T")


@dataclass(frozen=True)
class Person:
    """A person's name as written, and the role the text gives them beside it ("Minister")."""

    name: str
    role: str = ""

    def mention(self) -> str:
        """How a question names them: the role too, since records often say only the role."""
        return f"the {self.role}, {self.name}," if self.role else self.name


@dataclass(frozen=True)
class Named:
    """The people and bodies a text names, in the order it names them."""

    people: tuple[Person, ...] = ()
    bodies: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.people or self.bodies)


@dataclass(frozen=True)
class _Run:
    """Capitalised words in a row, where they are among the tokens, and how they open."""

    words: list[str]
    start: int
    end: int  # the index of the token after the run
    opens: bool  # the run opens a sentence


def cited_text(reply: str) -> str:
    """The sentences of an assistant reply that carry a citation marker ([1]), and no more.

    A reply's not_found text and its reading list name titles, not answers; a references
    list after the answer repeats the quotes.
    """
    answer = reply.split("\nReferences:", 1)[0]
    segments = _MARKER.split(answer)
    return " ".join(segments[:-1]) if len(segments) > 1 else ""


_OWNED_ROLE = re.compile(
    r"\b(?:his|her|their|[A-Z][\w-]*['’]s)\s+(?:(?:then|former|new|late|own|current)\s+)?"
    r"(?P<role>[a-z]+),?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)
"""A role someone holds towards another, with its holder's name ("her then partner Jo Vey")."""


ROLE_OF_PRONOUN = re.compile(r"\b(?:his|her|their)\s+([a-z]+)\b", re.I)
"""A role held towards someone a pronoun stands for ("her partner"), or any noun after one."""


def is_role_word(word: str) -> bool:
    """A noun for a role someone holds, or towards someone ("deputy", "partner")."""
    return word.lower() in _ROLES


def role_holder(reply: str, role: str) -> str | None:
    """The one person a reply names as holding a role towards someone ("his deputy, Jo
    Vey"): what "her deputy" in a follow-up stands for. None when the role is no role word,
    or the reply names none or several."""
    if not is_role_word(role):
        return None
    holders = {
        m.group("name")
        for m in _OWNED_ROLE.finditer(cited_text(reply))
        if m.group("role") == role.lower() and is_person(m.group("name"))
    }
    return holders.pop() if len(holders) == 1 else None


def named(text: str) -> Named:
    """The people and bodies named in the text."""
    tokens = _TOKEN.findall(text)
    runs = _runs(tokens)
    people: list[Person] = []
    bodies: list[str] = []
    for i, run in enumerate(runs):
        name, at = _person(run.words, run.opens)
        titled = run.words[0].lower().rstrip(".") in TITLES
        owner = _POSSESSIVE.search(tokens[run.end - 1]) is not None  # "in Jane Doe's case"
        if name and at == 0 and not titled and not owner and _placed(tokens[: run.start]):
            continue  # "formerly of Acre Mills, Northtown": a place, though two names
        if name:
            role = _role_before(run.words[:at]) or _role_beside(runs, i, tokens)
            people.append(Person(name, role))
        elif _is_body(run.words):
            bodies.append(" ".join(run.words))
    return Named(_unique(people), _unique(bodies))


def _placed(before: list[str]) -> bool:
    """Words before a name that make it a place ("in", "at", "near", "formerly of")."""
    words = [t.lower() for t in before[-2:]]
    return words[-1:] in (["in"], ["at"], ["near"]) or words in (
        ["formerly", "of"],
        ["originally", "of"],
    )


def places(text: str) -> tuple[str, ...]:
    """Single capitalised words inside sentences that name no person, role or month: the
    places and bodies a question names in one word ("Northtown's", "Westshire")."""
    found: list[str] = []
    tokens = _TOKEN.findall(text)
    for run in _runs(tokens):
        opens = run.opens and tokens[run.start].lower() not in _QUESTION_OPENERS
        word = run.words[0]
        if len(run.words) == 1 and not opens and plain(word) and word.lower() not in _ASKING:
            found.append(word)  # "Which Northtown councillor …": Northtown
    return _unique(found)


_QUESTION_OPENERS = frozenset(["which", "what", "whose"])
"""Words opening a question that a capitalised run may take in ("Which Northtown …")."""
_ASKING = frozenset("who whom whose which what when where why how".split())  # noqa: SIM905
"""Question words, which name nothing ("Whose murder …?")."""


def ranked(text: str, question: str) -> Named:
    """The names of a reply, those in the sentences sharing most words with the question first
    (a context sentence quoted before the answer names other people); people named only in
    sentences far less related than the best are left out."""
    asked = _stems(question)
    headings = _HEADING.findall(text)  # "under “Northtown Council has …”:" says where
    sentences = [s for s in _SENTENCE.split(_HEADING.sub(" ", text)) if s.strip()]
    found = [named(s) for s in sentences]
    scores: list[float] = []
    for i, sentence in enumerate(sentences):
        own = float(len(asked & _stems(sentence)))
        if _POINTS_BACK.match(sentence):
            own -= 1.5  # "He takes over from Jane Doe": she is not whom it tells of
        carried = scores[-1] - 0.5 if scores and not found[i - 1].people else 0.0
        scores.append(max(own, carried))  # "The new Director ... . Jane Smith, who ..."
    order = sorted(range(len(found)), key=lambda i: -scores[i])  # stable: earlier on ties
    best = max(scores, default=0.0)  # a person only in a side sentence answers nothing asked
    people = [p for i in order if scores[i] >= best - 1 for p in found[i].people]
    bodies = [b for i in order for b in found[i].bodies]
    for heading in map(named, headings):  # a quote's own names before those of its heading
        people += heading.people
        bodies += heading.bodies
    return Named(_unique(people), _unique(bodies))


def _stems(text: str) -> set[str]:
    """The text's longer words, lower-case, without possessive endings."""
    return {_POSSESSIVE.sub("", w.lower()) for w in WORD.findall(text) if len(w) > 3}


def is_person(phrase: str, *, certain: bool = False) -> bool:
    """Whether a noun phrase is a person: a name, or a role ("the Minister"); a phrase that
    only mentions one ("opportunities to protect Jane Smith") is not. `certain` wants a
    title or a role: two capitalised words may name a place ("Tower Hill"). A role and the
    name after it, as a rewrite mentions a person ("the Minister, Jane Doe,"), is a person."""
    words = [w.strip(",").lower() for w in phrase.split()]
    if _is_role(words):
        return True
    role, comma, name = phrase.strip().rstrip(",").partition(", ")
    if comma and _is_role([w.lower() for w in role.split()]) and is_person(name):
        return True
    bare = " ".join(phrase.split()[1:] if words[:1] == ["the"] else phrase.split())
    people = [p.name for p in named(phrase).people if p.name == bare]
    return any(not certain or p.split()[0].lower() in TITLES for p in people)


_POSTMODIFIER = re.compile(r"\s+(?:on|of|for|in|into|about|at|with|from|to|by)\s+.*$", re.I)


def without_modifier(phrase: str) -> str:
    """A noun phrase cut before what follows its head ("the review into Jane Doe's death":
    "the review")."""
    return _POSTMODIFIER.sub("", phrase.strip()) or phrase


def is_plural(phrase: str) -> bool:
    """Whether a noun phrase reads as plural by its head, the last word before what
    modifies it ("the inspectors"; "the Task Force on children's services" is one)."""
    head = without_modifier(phrase)
    last = head.split()[-1] if head.split() else ""
    regular = last.endswith("s") and not last.endswith(("ss", "us", "is"))
    irregular = {"children", "people", "staff", "men", "women", "police"}
    return last.islower() and (regular or last in irregular)


_PLURAL_OWNERS = frozenset({"children", "people", "women", "men"})
"""Plurals whose possessive sits inside a body's name ("Children’s Services")."""


def _runs(tokens: list[str]) -> list[_Run]:
    """Runs of capitalised words (joined by "of", "for", "the"), trimmed of function words."""
    runs: list[_Run] = []
    current: list[str] = []
    begun, opening, opens = 0, True, True
    for index, token in enumerate(tokens):
        word = _POSSESSIVE.sub("", token)
        if word[:1].isupper() or (current and word.lower() in _CONNECTORS):
            if not current:
                begun, opens = index, opening
            ends = word != token  # "Jane Doe’s death": the name ends at the possessive
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if ends and word.lower() in _PLURAL_OWNERS and following[:1].isupper():
                word, ends = token, False  # "Northtown Children’s Services Trust": one name
            current.append(word)
        else:
            ends = True
        if ends and current:
            runs.append(_Run(_trimmed(current), begun, index + (word != token), opens))
            current = []
        opening = token in {".", "!", "?", ":", "“", '"', "(", "\n"}
    if current:
        runs.append(_Run(_trimmed(current), begun, len(tokens), opens))
    return [run for run in runs if run.words]


def _role_before(words: list[str]) -> str:
    """The role written just before a name in the same run ("Government Minister ...")."""
    for j in range(len(words) - 1, -1, -1):
        if words[j].lower() in _ROLES:
            return _role_words(words[: j + 1])
    return ""


def _role_beside(runs: list[_Run], i: int, tokens: list[str]) -> str:
    """The role set off by a comma right before or after a name ("Council Leader, Cllr X")."""
    for first, second in ((i - 1, i), (i, i + 1)):
        if first < 0 or second >= len(runs):
            continue
        comma = runs[first].end + 1 == runs[second].start and tokens[runs[first].end] == ","
        words = runs[first if first != i else second].words
        if comma and _is_role([w.lower() for w in words]):
            cut = next((k for k, w in enumerate(words) if w.lower() in {"of", "for"}), None)
            return _role_words(words[:cut])
    return ""


def _role_words(words: list[str]) -> str:
    """A role's last two words at most, ending with its role noun ("Council Leader")."""
    tail = [w for w in words[-2:] if w.lower() not in _CONNECTORS | TITLES]
    return " ".join(tail)


def _trimmed(run: list[str]) -> list[str]:
    """The run without connectors or function words at its ends ("In the Task Force of")."""
    while run and (run[-1].lower() in _CONNECTORS or run[-1].lower() in FUNCTION_WORDS):
        run = run[:-1]
    while run and (run[0].lower() in _CONNECTORS or run[0].lower() in FUNCTION_WORDS):
        run = run[1:]
    return run


def _is_body(run: list[str]) -> bool:
    """Two or more words naming no person, role or date alone, or an acronym."""
    if len(run) == 1:
        return bool(_ACRONYM.fullmatch(run[0]))
    lowered = [w.lower() for w in run]
    return bool(run) and not _is_role(lowered) and any(w not in _CALENDAR for w in lowered)


_AFTER_HEAD = frozenset({"of", "for", "in", "at", "from", "with", "who", "whose"})
"""Words after a role's head noun, opening what qualifies it ("the toddler in the review")."""


def _is_role(words: list[str]) -> bool:
    """Whether lower-case words are a role: "minister", "director of children's services"
    (not "made commissioner for ...": a verb leads that)."""
    cut = next((i for i, w in enumerate(words) if w in _AFTER_HEAD), len(words))
    return bool(words[:cut]) and words[cut - 1] in _ROLES and not is_verb(words[0])


def _person(run: list[str], starts: bool) -> tuple[str, int]:
    """The person a run names (with title) and where the name starts, or ("", -1)."""
    for i, word in enumerate(run):
        if word.lower().rstrip(".") in TITLES:
            name = _name_block(run[i + 1 :])
            if name:
                return " ".join([word, *name[:3]]), i
    block = 0
    while block < len(run) and plain(run[len(run) - 1 - block]):
        block += 1
    if starts and block == len(run) == 3:
        block = 2  # "Yesterday Jane Doe": a sentence's first word is no evidence
    if 2 <= block <= 3:
        return " ".join(run[-block:]), len(run) - block
    return "", -1


def _name_block(words: list[str]) -> list[str]:
    """The plain capitalised words right after a title."""
    block: list[str] = []
    for word in words:
        if not plain(word):
            break
        block.append(word)
    return block


def plain(word: str) -> bool:
    """A capitalised word that may be part of a name: no role, institution, month or acronym."""
    lowered = word.lower().rstrip(".")
    return (
        word[:1].isupper()
        and not word.isupper()
        and lowered not in _ROLES | _INSTITUTION | _CALENDAR | _CONNECTORS | TITLES
    )


def _unique(items: list[_T]) -> tuple[_T, ...]:
    """The items in first-named order, each once."""
    return tuple(dict.fromkeys(items))

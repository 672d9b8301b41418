"""A question split into what it asks with, about, and when."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.conversation.words import (
    AUXILIARIES,
    BE,
    FUNCTION_WORDS,
    PARTICIPLES,
    PARTICLES,
    VERBS,
    is_verb,
)
from index import find_dates

_WH = re.compile(r"(?:what|when|who|whom|where|which|why|how)\W*", re.I)
_PREP = re.compile(
    r"\b(?:(?:at|by|towards?|in) the (?:end|start|beginning|close|middle) of|(?:in |by )?"
    r"(?:early|late|mid)|in|on|at|during|by|since|before|after|from|until|between|as of)\s+$",
    re.I,
)
_LEADS = frozenset({"by", "since", "until", "in", "on", "for", "to", "from", "at", "with"})
_DO_TEXT = "did does do didn't doesn't don't will would can could should won't"
_DO = frozenset(_DO_TEXT.split())
_HEAD_PARTICLES = frozenset({"up", "out", "off", "down", "back"})  # not "over X", "about X"
_HAVE = frozenset({"has", "have", "had", "hasn't", "haven't", "hadn't"})
_ARTICLES = frozenset({"the", "a", "an"})
_NOUN_BEFORE = frozenset(["its", "his", "her", "their", "our", "my", "your", "latest"])
"""Words after which a closing verb-like word is a noun ("in its latest report")."""
_YEAR_PART = re.compile(r"(?:/\d{2}\b)?")  # "2004/05"
_JOIN = re.compile(r"\s*(?:and|to|-|–)\s*")


@dataclass(frozen=True)
class Parts:
    """A question split into what it asks with, about, and when."""

    head: str  # question word plus an auxiliary or verb: "What was", "Who chaired"
    subject: str  # "the vacancy rate", or an anaphor such as "it"
    verb: str  # the verb after the subject, with its particle: "issued", "set up"
    dates: str  # the date phrases with their prepositions: "in April 2010"
    rest: str = ""  # what follows the verb: "in Northtown" in "What did Ofsted find in Northtown?"
    topic: str = ""  # what the question word asks after: "recommendations" in "How many ..."

    @property
    def participle(self) -> str:
        """The past participle ("issued", "set up") to ask "when was" with."""
        for phrase in (self.verb, self.head.split()[-1] if self.head else ""):
            word = phrase.split()[0] if phrase else ""
            if (word.endswith("ed") and is_verb(word)) or word in PARTICIPLES:
                return phrase
        return ""


_SOURCE = re.compile(r"^\s*according to\s+([^,?]+?)\s*,\s*", re.I)
SECOND_PART = re.compile(r",?\s+and\s+(?:when|who|whom|what|where|why|how|which)\b", re.I)
"""Where a question's second part begins ("Who chaired it, and when?")."""


def source_of(question: str) -> str | None:
    """The record an "According to X, …" question reads from: what a later "it" says."""
    m = _SOURCE.match(question)
    return m.group(1) if m else None


def first_part(question: str) -> str:
    """A question without its source clause and second part ("According to the report, who
    …, and when?"): what a later turn's pronouns can point back to."""
    asked = _SOURCE.sub("", question)
    second = SECOND_PART.search(asked)
    return (asked[: second.start()] if second else asked).strip() or question


_LY_NOUNS = frozenset(
    ["family", "assembly", "supply", "reply", "ally", "anomaly", "monopoly", "bully", "rally"]
)
_ADVERBS = frozenset(
    ["first", "still", "already", "ever", "also", "just", "now", "again", "once", "eventually"]
)


def without_adverbs(subject: str) -> str:
    """The subject without the adverbs closing it ("When did the trust actually start?"):
    a later "it" is the trust, not "the trust actually"."""
    words = subject.split()
    while len(words) > 1 and _is_adverb(words[-1]):
        words.pop()
    return " ".join(words)


def _is_adverb(word: str) -> bool:
    """A lower-case word ending in "ly" that is no noun ("family"), or a common adverb."""
    if not word.islower():
        return False
    return word in _ADVERBS or (word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS)


def parts(text: str) -> Parts:
    """Split a question into head, subject, verb, what follows the verb, and date phrases."""
    text, dates = without_dates(text.strip().rstrip("?.! "))
    tokens = text.replace(" ,", ",").strip(" ,;").split()
    head, topic, tokens = _head(tokens)
    if not head:  # a fragment ("and the sickness rate?") names, it does not act
        return Parts("", " ".join(tokens).strip(" ,"), "", dates)
    aux = head[-1].lower()
    end = len(tokens)
    while end > 1 and tokens[end - 1].lower() in {"then", "there"}:
        end -= 1
    if aux not in AUXILIARIES and is_verb(aux):
        # "Who published the serious case review?": the head has the verb; "review" is a noun
        return Parts(" ".join(head), " ".join(tokens).strip(" ,"), "", dates, "", topic)
    verb, rest = _trailing_verb(tokens, end, aux, alone=bool(topic) and aux in AUXILIARIES), ""
    if not verb:
        verb, rest = _middle_verb(tokens, aux)
    if not verb and aux in _DO:
        verb = _bare_verb(tokens, end)
    return Parts(" ".join(head), " ".join(tokens).strip(" ,"), verb, dates, rest, topic)


def _head(tokens: list[str]) -> tuple[list[str], str, list[str]]:
    """The question word with what it asks after and its auxiliary or verb ("How many
    recommendations did", "Which firm facilitated", "By when does", "Was"), that topic, and
    the other tokens."""
    led = int(len(tokens) > 1 and tokens[0].lower() in _LEADS and bool(_WH.fullmatch(tokens[1])))
    if tokens and not led and tokens[0].lower() in AUXILIARIES:
        return tokens[:1], "", tokens[1:]  # "Was it still inadequate?"
    if not (len(tokens) > led and _WH.fullmatch(tokens[led])):
        return [], "", tokens
    size = led + (2 if len(tokens) > led + 1 and tokens[led + 1].lower() in {"many", "much"} else 1)
    if tokens[led].lower() in {"who", "whom"} and len(tokens) > size:
        end = size + 1
        passive = tokens[size].lower() in BE and len(tokens) > end
        if passive and (tokens[end] in PARTICIPLES or _fits(tokens[end], "was")):
            end += 1  # "Who was appointed …": the head takes the participle
        return _with_particle(tokens, end), "", _after_particle(tokens, end)
    j = size
    while j < min(size + 5, len(tokens)):
        word = tokens[j]
        if word.lower() in AUXILIARIES or is_verb(word):
            return (
                _with_particle(tokens, j + 1),
                " ".join(tokens[size:j]),
                _after_particle(tokens, j + 1),
            )
        joins = word.lower() in {"in", "of", "for"} and j > size and j + 1 < len(tokens)
        if not (_noun(word) or (joins and _noun(tokens[j + 1]))):
            break
        j += 1
    counted = size == led + 2 and j > size  # "How many recommendations in the review …"
    return tokens[:size], " ".join(tokens[size:j]) if counted else "", tokens[size:]


def _with_particle(tokens: list[str], end: int) -> list[str]:
    """The head up to `end`, with the particle of its verb ("Who carried out")."""
    return tokens[: _after(tokens, end)]


def _after_particle(tokens: list[str], end: int) -> list[str]:
    """The tokens after the head and its particle."""
    return tokens[_after(tokens, end) :]


def _after(tokens: list[str], end: int) -> int:
    """Where the head ends: after its verb's particle, if the verb has one."""
    verb = tokens[end - 1].lower()
    particle = end < len(tokens) and tokens[end] in _HEAD_PARTICLES and verb not in AUXILIARIES
    return end + 1 if particle and is_verb(verb) else end


def _fits(word: str, aux: str) -> bool:
    """Whether a word can be the verb after this auxiliary: only a participle after "was" or
    "has" ("What was the vacancy rate?": "rate" is no verb there)."""
    if aux in BE or aux in _HAVE:
        regular = word.endswith(("ed", "ing")) and len(word) > 4 and word.islower()
        return regular or word in PARTICIPLES
    if aux in _DO and word.endswith("ed") and not word.endswith("eed") and word not in VERBS:
        return False  # "What did she say about the staff involved?": "involved" is no verb
    return is_verb(word)


def _middle_verb(tokens: list[str], aux: str) -> tuple[str, str]:
    """Split "Ofsted find in Northtown" at its verb: the subject stays in the tokens."""
    for k in range(1, len(tokens) - 1):
        before = tokens[k - 1]
        following = tokens[k + 1].lower()
        ing = (  # "Westminster ACPC preparing its …", not "the Rochdale grooming case"
            tokens[k].endswith("ing") and before[:1].isupper() and following in FUNCTION_WORDS
        )
        named = (  # "did Ofsted move", not "did the Northtown panel recommend"
            aux in _DO and before[:1].isupper() and _noun(tokens[k]) and not is_verb(following)
        )
        owned = before.endswith(("'s", "’s")) or tokens[k].endswith(("'s", "’s"))
        if owned:
            continue  # "did Northtown's children's services get": a noun, owned, not a verb
        if (_fits(tokens[k], aux) or ing or named) and before.lower() not in FUNCTION_WORDS:
            size = 2 if tokens[k + 1] in PARTICLES else 1
            verb, rest = " ".join(tokens[k : k + size]), " ".join(tokens[k + size :])
            del tokens[k:]
            return verb, rest
    return "", ""


def _noun(word: str) -> bool:
    """A lower-case content word that is no verb: "firm" in "Which firm facilitated ...?"."""
    return word.islower() and word not in FUNCTION_WORDS and not is_verb(word)


def _bare_verb(tokens: list[str], end: int) -> str:
    """After "did", the last word is the verb ("What did Ofsted judge?"), unless a preposition
    leads to it ("... about staffing")."""
    if end < 2:
        return ""
    last = tokens[end - 1]
    if (_noun(last) or last in {"have", "do"}) and tokens[end - 2].lower() not in FUNCTION_WORDS:
        return tokens.pop(end - 1)
    return ""


def _trailing_verb(tokens: list[str], end: int, aux: str, alone: bool = False) -> str:
    """Take the verb (and its particle: "set up") off the end of the tokens, if one is there;
    `alone` lets it be the only token ("How many children were referred?")."""
    last = tokens[end - 1] if end else ""
    stranded = last in PARTICLES or last.lower() in _STRANDED
    particle = end > 2 and stranded and _fits(tokens[end - 2], aux)
    size = 2 if particle else 1
    if end > size and tokens[end - size - 1].lower() in _ARTICLES | _NOUN_BEFORE:
        return ""  # "... say about the report", "in its latest report": a noun, not the verb
    if (end > size or (alone and end == size)) and _fits(tokens[end - size], aux):
        complement = tokens[end - size].endswith("ing") and size == 1 and end > 2
        if complement and _fits(tokens[end - 2], aux) and not tokens[end - 2].endswith("ing"):
            size += 1  # "When was Northtown rated outstanding?": the grade goes with "rated"
        if end - size > 1 and tokens[end - size - 1].lower() in _VERB_ADVERBS:
            size += 1  # "When was the trust first set up?": "first" goes with the verb
        verb = " ".join(tokens[end - size : end])
        del tokens[end - size : end]
        return verb
    return ""


_STRANDED = frozenset({"at", "in", "to", "for", "from", "with", "by", "on", "of", "about"})
"""A preposition closing a question goes with the verb before it ("jailed at")."""
_VERB_ADVERBS = frozenset(
    [
        "first",
        "last",
        "originally",
        "initially",
        "formally",
        "officially",
        "finally",
        "actually",
        "already",
        "ever",
        "still",
        "recently",
        "previously",
        "eventually",
    ]
)
"""Adverbs set before a verb at a question's end: they go with the verb, not the subject."""


def without_dates(text: str) -> tuple[str, str]:
    """The text with its date phrases cut out, and those phrases, each led by a preposition."""
    spans: list[tuple[int, int, bool]] = []  # "between 2008 and 2009" is one span
    for m in find_dates(text):
        prep = _PREP.search(text[: m.start])
        start = prep.start() if prep else m.start
        stop = m.end + len(_YEAR_PART.match(text, m.end)[0])  # type: ignore[index]
        if spans and _JOIN.fullmatch(text[spans[-1][1] : start]):
            spans[-1] = (spans[-1][0], stop, spans[-1][2])
        else:
            spans.append((start, stop, prep is not None))
    dates = " ".join(text[s:e] if led else f"in {text[s:e]}" for s, e, led in spans)
    for s, e, _led in reversed(spans):
        text = text[:s] + " " + text[e:]
    return text, dates

"""Word tokens and crude, predictable stems shared by every matching step."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*|\d+(?:[.,]\d+)*")


_SUFFIXES = ("ments", "ment", "ings", "ing", "ed", "es", "s")
_DOUBLING = frozenset({"ings", "ing", "ed"})
"""Endings taken off before the five-letter cut: "rated", "rating", "rates" and "rate" meet."""


_RISE_TEXT = """
    rise rises rising rose risen increase increased increases increasing grew grow grows
    growing grown climb climbed climbs climbing upgrade upgraded upgrades upgrading
    raise raised raises raising boost boosted boosts boosting
"""
_FALL_TEXT = """
    fall falls falling fell fallen drop drops dropped dropping decrease decreased decreases
    decreasing decline declined declines declining reduce reduced reduces reducing
    downgrade downgraded downgrades downgrading lower lowered lowers lowering
    slash slashed slashes slashing halve halved halves halving
"""
DIRECTIONS = {"rise": frozenset(_RISE_TEXT.split()), "fall": frozenset(_FALL_TEXT.split())}
"""Words that say which way a figure or a grade moved: "fell" and "dropped" say one thing,
"rose" another."""
_DIRECTION_OF = {word: way for way, said in DIRECTIONS.items() for word in said}
_IRREGULAR_TEXT = """
    come:came go:went,gone take:took,taken give:gave,given make:made write:wrote,written
    lead:led find:found say:said tell:told leave:left begin:began,begun run:ran
    become:became hold:held meet:met speak:spoke,spoken choose:chose,chosen know:knew,known
    see:saw,seen bring:brought buy:bought keep:kept think:thought send:sent spend:spent
    build:built win:won lose:lost pay:paid feel:felt hear:heard stand:stood seek:sought
    teach:taught catch:caught draw:drew,drawn show:shown break:broke,broken
    die:died,dying lie:lied,lying tie:tied,tying
"""
_IRREGULAR = {
    form: base
    for entry in _IRREGULAR_TEXT.split()
    for base, forms in [entry.split(":")]
    for form in forms.split(",")
}
"""English verbs whose past is not base + "ed": "came" is stemmed as "come"."""


_PHRASAL_TEXT = """
    intervene: step steps stepped stepping / in
    resign: step steps stepped stepping / down
    establish: set sets setting / up
    conduct: carry carries carried carrying / out
    continue: carry carries carried carrying stay stays stayed staying / on
    reject: rule rules ruled ruling / out
    investigate: look looks looked looking / into
    identify: pick picks picked picking / out
    withdraw: pull pulls pulled pulling take takes took taken taking / out
    discover: find finds found finding / out
    close: shut shuts shutting close closes closed closing / down
    rise: go goes went gone going / up
    fall: go goes went gone going come comes came coming cut cuts cutting / down
"""
_INTERVENING_TEXT = "intervene intervenes intervened intervening intervention interventions"


def _phrasal_table(text: str) -> dict[tuple[str, str], str]:
    """(verb form, particle) → the one verb they mean, from lines "meaning: forms / particle"."""
    table: dict[tuple[str, str], str] = {}
    for line in text.strip().splitlines():
        meaning, rest = line.split(":")
        verbs, particle = rest.split("/")
        table.update({(verb, particle.strip()): meaning.strip() for verb in verbs.split()})
    return table


_PHRASAL = _phrasal_table(_PHRASAL_TEXT)
_PHRASAL_VERBS = frozenset(verb for verb, _ in _PHRASAL)
_INTERVENING = frozenset(_INTERVENING_TEXT.split())
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_NOUN_MARKERS_TEXT = """
    a an the this that these those each every next key major important further big small
    new positive vital crucial significant
"""
_NOUN_MARKERS = frozenset(_NOUN_MARKERS_TEXT.split())
"""Words before "step" or "set" that make it a noun ("the next step in the plan"); not
"first", an adverb as often ("when the trust was first set up")."""


def phrasal_meanings(
    text: str, tokens: list[tuple[int, int, str]] | None = None
) -> list[tuple[int, int, str]]:
    """(verb start, particle end, stem of the one verb meant) of each phrasal verb: a verb
    and its particle, maybe around its object ("stepped in", "taken her out"), on one line
    of one clause; together they mean one verb ("intervened", "withdrew")."""
    tokens = words(text) if tokens is None else tokens
    found = []
    for index, (start, _, word) in enumerate(tokens):
        verb = word.lower()
        if verb not in _PHRASAL_VERBS:
            continue
        if index and tokens[index - 1][2].lower() in _NOUN_MARKERS:
            continue  # "an important step in improving services": a noun
        for later in range(index + 1, min(index + 4, len(tokens))):
            if re.search(r"[\n.,;:!?]", text[tokens[later - 1][1] : tokens[later][0]]):
                break
            meaning = _PHRASAL.get((verb, tokens[later][2].lower()))
            if meaning is not None and _an_object(tokens[index + 1 : later]):
                found.append((start, tokens[later][1], stem(meaning)))
                break
    return found


def _an_object(between: list[tuple[int, int, str]]) -> bool:
    """Nothing, a pronoun or a name, or a determiner and a noun: what may stand between a
    verb and its particle ("took Khyra out", "set the board up")."""
    said = [w for _, _, w in between]
    if len(said) == 0:
        return True
    if len(said) == 1:
        return said[0].lower() in _OBJECT_PRONOUNS or said[0][:1].isupper()
    return len(said) == 2 and said[0].lower() in _DETERMINERS


def base_form(word: str) -> str:
    """An irregular past as its verb ("ran" → "run"); any other word as it is, lower-cased."""
    lowered = word.lower()
    return _IRREGULAR.get(lowered, lowered)


_SPEECH_TEXT = """
    say says said saying speak speaks spoke spoken speaking tell tells told telling
    comment comments commented commenting respond responds responded responding
    remark remarks remarked
"""
_SPEECH = frozenset(_SPEECH_TEXT.split())
"""Verbs of saying: "Who spoke for Ofsted?" is answered by "Jane Doe, its director, said:"."""


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude but predictable stem: lower case, no possessive, an irregular past as its
    verb ("came" → "come"), one common ending off ("failed", "failings" → "fail"), no final
    "e", then the first 5 letters."""
    w = word.lower().replace("’", "'")
    if w in _DIRECTION_OF:
        return _DIRECTION_OF[w]  # "fell", "dropped", "decreased": one stem, "fall"
    if w in _SPEECH:
        return "say"  # "spoke", "commented", "said": one stem
    if w in _INTERVENING:
        return "intervene"  # not "inter", the stem of "interim" and "internal"
    w = w.removesuffix("'s").rstrip("'")
    w = _IRREGULAR.get(w, w)
    if not w.isalpha():
        return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
    if not w.endswith("ss"):
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                if suffix in _DOUBLING and len(w) > 3 and w[-1] == w[-2] and w[-1] in "bgmnprt":
                    w = w[:-1]  # "planning", "planned": "plan"; "stopped": "stop"
                break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w[:5]


def words(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with their offsets."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def stems(text: str) -> set[str]:
    """The set of stems of a text's words (for matching sentences against questions); a
    hyphenated word also gives its parts ("four-year-old" holds "old")."""
    if len(text) > CACHED_TEXT:
        return set(_stem_set(text))  # a whole document: stemmed once by its own cache
    return set(_cached_stems(text))


CACHED_TEXT = 2_000
"""Texts up to this long (sentences, headings, questions) have their stems cached."""


@lru_cache(maxsize=20_000)
def _cached_stems(text: str) -> frozenset[str]:
    """Cached: a sentence is stemmed for several features of one question, and again by the
    next question that reads it."""
    return _stem_set(text)


def repeated_stems(text: str, times: int = 2) -> frozenset[str]:
    """The stems a text uses at least `times` times: what a page speaks of, not in passing."""
    counts: dict[str, int] = {}
    for _, _, word in words(text):
        key = stem(word)
        counts[key] = counts.get(key, 0) + 1
    return frozenset(s for s, n in counts.items() if n >= times)


def _stem_set(text: str) -> frozenset[str]:
    found = set()
    tokens = words(text)
    for _, _, word in tokens:
        found.add(stem(word))
        if "-" in word:
            found.update(stem(part) for part in word.split("-") if part)
    found.update(meaning for _, _, meaning in phrasal_meanings(text, tokens))
    return frozenset(found)


__all__ = ["DIRECTIONS", "phrasal_meanings", "stem", "stems", "words"]


_CONTRACTED = re.compile(
    r"\b(who|what|where|when|how|which|that|there|it)['’]s\b(\s+(been|got|had|done)\b)?",
    re.I,
)


def uncontracted(text: str) -> str:
    """A question with "who's", "what's" … written out ("who is", or "who has" before
    "been"): its words, not "who's", are what the question asks."""

    def spelled(m: re.Match[str]) -> str:
        verb = " has" if m.group(2) else " is"
        return f"{m.group(1)}{verb}{m.group(2) or ''}"

    return _CONTRACTED.sub(spelled, text)

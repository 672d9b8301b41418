"""Guess a title and a publication date when no sidecar or front matter gives them.

Real pages open with furniture (site names, "Press release", bylines, dates,
image credits, page counts): the title is the first paragraph that reads like a
heading once those are passed over, or the opening words of the first prose.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from index.dates import MONTH_NAME, month_number, normalise_date
from index.events import dated_spans
from index.furniture import (
    ADDRESS_LINE,
    find_page_dates,
    is_furniture,
    is_nav_item,
    is_timestamp,
)
from index.models import PAGE_BREAK, CleanText, DateMention, Paragraph
from index.sentences import split_sentences
from index.wraps import is_wrap, wrap_width

__all__ = [
    "day_in_address",
    "day_in_name",
    "infer_date",
    "infer_title",
    "without_site_name",
    "year_in_name",
]

_TITLE_MAX_WORDS = 20
_SENTENCE_TITLE_WORDS = 12
_TITLE_SCAN = 8  # a title sits among the first few paragraphs
_LEAD_PARAGRAPHS = 9  # so does a publication date
_DATELINE_MAX_WORDS = 12
_PROSE_BEFORE_BODY = 2  # after two paragraphs of prose the article's body has begun
_DATELINE_OTHER_WORDS = 3  # "Published on 16 Jun 2010 Sections", "By Jane Smith on ..."
_DATELINE = re.compile(
    r"^\s*(?:by\b.{0,60}?\bon|date\s*:|(?:[\w-]+\s+){0,2}?(?:published|posted|dated|issued)\b"
    r"(?:\s+(?:on|at))?\s*:?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DATELINE_START = re.compile(
    r"^(?:published|posted|issued|updated|dated|date|by)\b|^(?:last|page last) updated\b", re.I
)
_LABEL = re.compile(
    r"(?:press|news|media)(?: release| statement| notice)?|news(?:room)?|statement|blog|article"
    r"|report|briefing|announcement|update|latest news",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"^(?:[A-Z][\w'’&.-]*\s+){0,6}(?i:Council|Board|Trust|Partnership|Authority|Department)"
    r"(?:\s*\([A-Z]{2,}\))?$"
)
_LETTERS = re.compile(r"[A-Za-z]{2}")
_BAR = re.compile(r"\s+(?:[|»«·]|::)\s+")
_SITE_NAME_WORDS = 4  # "- BBC News", "| City Live": a site's name is short
_BYLINE_NAMES = 2  # "Jane Smith 17 September 2013" is a byline, not a title
_OPENING_WORDS = 12  # a report's first line names its date within its first words
_EVENT_LEAD = re.compile(
    r"\b(?:on|in|at|by|from|since|until|between|during|of|to|after|before)\s+$", re.I
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TODAY = re.compile(
    r"\b(?:published|issued|released|announced)\s+today\W{0,3}(?P<weekday>"
    + "|".join(_WEEKDAYS)
    + rf")\W{{0,3}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_NAME})\b",
    re.IGNORECASE,
)
_TODAY_REACH = 2_000  # characters from the top where "published today" dates the page
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_HEAD_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
_HEADING_CAPITALS = 0.6  # the share of capitalised words that makes a heading


def infer_title(clean: CleanText) -> str | None:
    """Name a document by its heading, or by its opening words when it has none."""
    if not clean.paragraphs:
        return None
    scanned = clean.paragraphs[:_TITLE_SCAN]
    site = _site_label(clean.text[: clean.paragraphs[min(2, len(clean.paragraphs) - 1)].end])
    for number, paragraph in enumerate(scanned):
        text = clean.text[paragraph.start : paragraph.end]
        if _is_not_a_title(text) or _names_site(text, site):
            continue
        if _is_heading_line(text):
            following = _next_heading(clean, scanned[number + 1 :])
            if following is not None and _is_section_label(text, following):
                return without_site_name(following)
            return without_site_name(text)
        return _opening_words(clean, paragraph)
    longer = [p for p in clean.paragraphs if len(clean.text[p.start : p.end].split()) > 3]
    return _opening_words(clean, (longer or clean.paragraphs)[0])


_HOST = re.compile(r"(?:https?://)?(?:www\.)?([A-Za-z0-9-]+)\.", re.IGNORECASE)
_SITE_EXTRA_WORDS = 2  # "Radio Sandwell Local News": the site's name and a word or two


def _site_label(top: str) -> str | None:
    """The main label of the address a saved page gives at its top ("radiosandwell" of
    "http://radiosandwell.co.uk/local/…"): the site's name as one word."""
    found = _ADDRESS.search(top)
    host = _HOST.match(found.group()) if found else None
    label = host.group(1).lower() if host else None
    return label if label and len(label) >= _SITE_LABEL_LETTERS else None


_SITE_LABEL_LETTERS = 5


def _names_site(text: str, site: str | None) -> bool:
    """A line that is the site's name, maybe with a word or two ("Radio Sandwell Local News"
    on radiosandwell.co.uk): the site's masthead, not the page's title."""
    if site is None:
        return False
    words = [w for w in _HEAD_WORD.findall(text)]
    for taken in range(1, len(words) + 1):
        squashed = "".join(re.sub(r"[^a-z0-9]", "", w.lower()) for w in words[:taken])
        if squashed == site:
            return len(words) - taken <= _SITE_EXTRA_WORDS
        if not site.startswith(squashed):
            return False
    return False


def _is_heading_line(text: str) -> bool:
    return len(text.split()) <= _TITLE_MAX_WORDS and not text.endswith((".", ":"))


def _next_heading(clean: CleanText, paragraphs: list[Paragraph]) -> str | None:
    """The next paragraph that could be a title, past furniture."""
    for paragraph in paragraphs:
        text = clean.text[paragraph.start : paragraph.end]
        if not _is_not_a_title(text):
            return text if _is_heading_line(text) else None
    return None


_SECTION_WORDS = 4
_LABEL_JOINERS = frozenset({"&", "and", "of", "the", "-", "|"})


def _is_section_label(text: str, following: str) -> bool:
    """A site's section name above the headline ("Northtown & Eastshire", "UK Politics"):
    a few capitalised words, none a verb's or sentence's, with a longer headline after it."""
    words = text.split()
    if len(words) > _SECTION_WORDS or len(following.split()) <= len(words) + 1:
        return False
    if not any(len(w) > 3 and w.islower() for w in following.split()):
        return False  # "Improving Outcomes For Our Children": a title-case subtitle
    return all(w in _LABEL_JOINERS or w[:1].isupper() for w in words)


def without_site_name(title: str) -> str:
    """The headline out of '<headline> - <site>' or '<site> | <section> | <headline>'."""
    parts = [part.strip() for part in _BAR.split(title) if part.strip()]
    title = max(parts, key=len) if parts else title
    head, dash, site = title.rpartition(" - " if " - " in title else " – ")
    if dash and len(site.split()) <= _SITE_NAME_WORDS and len(head.split()) >= _SITE_NAME_WORDS:
        return head.strip()
    return title


def _is_not_a_title(text: str) -> bool:
    """Site names, section labels, datelines, bylines, page counts and list labels."""
    return (
        _LETTERS.search(text) is None
        or text.endswith(":")
        or _LABEL.fullmatch(text.strip(" .")) is not None
        or _ORGANISATION.match(text) is not None
        or (len(text.split()) <= _DATELINE_MAX_WORDS and _DATELINE_START.match(text) is not None)
        or is_timestamp(text, names=_BYLINE_NAMES)
        or is_furniture(text)
        or is_nav_item(text)
        or ADDRESS_LINE.match(text) is not None
        or len(_RUN_TOGETHER.findall(text)) >= 2
    )


_RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
"""Where one name ends and the next begins with no space ("ServicesAlphabiolabsHousing"):
links of a sponsor bar or menu saved as one line."""


def _opening_words(clean: CleanText, paragraph: Paragraph) -> str:
    """The paragraph's first sentence, cut to a title's length."""
    sentence = split_sentences(CleanText(clean.text, [paragraph]))[0]
    words = clean.text[sentence.start : sentence.end].split()
    if len(words) <= _SENTENCE_TITLE_WORDS:
        return " ".join(words)
    return " ".join(words[:_SENTENCE_TITLE_WORDS]) + "…"


_NAMED_YEAR = re.compile(r"(?<![0-9A-Za-z])(19[89][0-9]|20[0-4][0-9])(?![0-9A-Za-z])")
_NAMED_SPAN = re.compile(r"(?<![0-9A-Za-z])(19|20)[0-9]{2}[-_/](?:[0-9]{2}|[0-9]{4})(?![0-9])")
"""A year standing apart in a file name ("-2019."), not digits inside a hash ("a2019b")."""


def year_in_name(path: Path) -> str | None:
    """The one year a file's name gives ("council-rated-good-2019.txt": 2019): people name
    saved pages by their year. A name with a span ("review-2004-05"), two years or none
    gives nothing."""
    if _NAMED_SPAN.search(path.stem):
        return None
    years = _NAMED_YEAR.findall(path.stem)
    return years[0] if len(years) == 1 else None


_NAMED_DAY = re.compile(
    r"(?<![0-9A-Za-z])((?:19|20)[0-9]{2})[-_/](0[1-9]|1[0-2])[-_/](0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
"""A day in year-month-day order in a file name ("…-2012-01-27-…", as news sites' addresses
give it)."""


def day_in_name(path: Path) -> str | None:
    """The one day a file's name gives in year-month-day order: the page's date when its
    text names none (a saved news page whose address carried the date)."""
    days = {"-".join(m.groups()) for m in _NAMED_DAY.finditer(path.stem)}
    if len(days) != 1:
        return None
    try:
        return normalise_date(days.pop())
    except ValueError:
        return None  # "2019-02-30": no such day


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_ADDRESS_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2}|[A-Za-z]{3,9})(?:[/-](\d{1,2}))?(?=[/._-]|$)"
)
_ADDRESS_LINES = 3  # a saved page's address is on its first lines


def day_in_address(raw_text: str) -> str | None:
    """The one day (or month) an address line at the top of a saved page gives in its path
    ("…/2010/jul/27/…", "…/2017/05/10/…", "…/news/2016-05-24/…", "…/news/2010/jul/…"): the
    page's date when its text names none, as news sites file stories by day or month."""
    lines = [line for line in raw_text.lstrip().splitlines()[:_ADDRESS_LINES] if line.strip()]
    days = set()
    for line in lines:
        if ADDRESS_LINE.match(line) is None:
            continue
        for address in _ADDRESS.findall(line):
            for year, month, day in _ADDRESS_DAY.findall(address):
                number = int(month) if month.isdigit() else month_number(month)
                if number is not None and 1 <= number <= 12:
                    days.add(f"{year}-{number:02d}" + (f"-{int(day):02d}" if day else ""))
    if len(days) != 1:
        return None
    try:
        return normalise_date(days.pop())
    except ValueError:
        return None  # "/2019/02/30/": no such day


def infer_date(raw_text: str, *, day_first: bool = True) -> str | None:
    """Date a document from its byline or dateline, else from a short date line near its top,
    else from its opening words or a "published today (Monday, 11 September)".

    A short paragraph on its own (blank lines around it) may give any date; one
    that runs on between other lines must be little but a date ("Thomas Bridge
    17 September 2013", "Page last updated at 14:17 GMT, Thursday, 7 January 2010"),
    so a sentence that happens to mention a date is not taken for a dateline.
    """
    lead = _lead_paragraphs(raw_text, day_first)
    return (
        _from_datelines(lead, day_first)
        or _from_opening_words(lead, day_first)
        or _published_today(raw_text)
    )


def _from_opening_words(lead: list[tuple[str, bool]], day_first: bool) -> str | None:
    """A report's first line names its date ("Executive Summary for publication 21 July
    2011 page 1 of 42", "Partnership Review December 2020 ..."): a day or month among the
    first words of the first paragraph."""
    if not lead:
        return None
    opening = " ".join(lead[0][0].split()[:_OPENING_WORDS])
    found = find_page_dates(opening, day_first=day_first)
    if len({m.value for m in found if m.precision != "year"}) > 1:
        return None  # "Inspection date: 20 January 2015 – 11 February 2015": an event's span
    return _best(
        [
            m
            for m in found
            if _heads(opening[: m.start]) and not _EVENT_LEAD.search(opening[: m.start])
        ]
    )  # not "On 27 August 2019, Ofsted published …": a date of an event the page reports


def _heads(before: str) -> bool:
    """The words before a date read as a document's heading: two or more, most of them
    capitalised ("Executive Summary for publication", "Partnership Review"), not prose
    ("Serious case review: Child T, born …") nor one owner ("Ofsted's January 2014 …")."""
    words = [w for w in _HEAD_WORD.findall(before)]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised / len(words) >= _HEADING_CAPITALS


def _published_today(raw_text: str) -> str | None:
    """ "published today (Monday, 11 September)" near the top: the year its paragraph names
    (or the next) on which that day was that weekday, when exactly one fits."""
    found = _TODAY.search(raw_text[:_TODAY_REACH])
    if found is None:
        return None
    weekday = _WEEKDAYS.index(found["weekday"].lower())
    month = month_number(found["month"]) or 1  # the pattern only matches month names
    start = raw_text.rfind("\n", 0, found.start()) + 1
    end = raw_text.find("\n", found.end())
    paragraph = raw_text[start : end if end >= 0 else len(raw_text)]
    named = {int(y) for y in _YEAR.findall(paragraph)}  # its own paragraph's years
    fitting = {
        year
        for year in named | {y + 1 for y in named}
        if _is_weekday(year, month, int(found["day"]), weekday)
    }
    if len(fitting) != 1:
        return None  # no year, or two that fit: not sure which
    return f"{fitting.pop():04d}-{month:02d}-{int(found['day']):02d}"


def _is_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _from_datelines(lead: list[tuple[str, bool]], day_first: bool) -> str | None:
    """A byline or dateline among the lead paragraphs, else a short date line on its own."""
    short = [(text, alone) for text, alone in lead if len(text.split()) <= _DATELINE_MAX_WORDS]
    for text, _ in short:
        match = _DATELINE.match(text)
        if match and _is_dateline(match["rest"], day_first):
            return _best(find_page_dates(match["rest"], day_first=day_first))
    prose = 0
    bare = {text for text, _ in lead if _bare_date(text, day_first)}
    timeline = len(bare) > 1  # "May 2008", "December 2008" heading entries: no dateline
    for text, alone in lead:
        if len(text.split()) > _DATELINE_MAX_WORDS:
            prose += 1  # the article has begun: a date below its opening is about events
            if prose == _PROSE_BEFORE_BODY:
                return None
        elif not (_spans(text, day_first) or _is_prose(text) or timeline) and (
            alone or _is_dateline(text, day_first)
        ):
            found = _best(find_page_dates(text, day_first=day_first))
            if found is not None:
                return found
    return None


_PROSE_WORDS = 2


def _bare_date(text: str, day_first: bool) -> bool:
    """A line that is a date and nothing else ("May 2008"), as a timeline heads its entries
    (a dateline has a weekday, a time, "updated" or a name beside its date)."""
    found = find_page_dates(text, day_first=day_first)
    return len(found) == 1 and not text.replace(text[found[0].start : found[0].end], "").strip(
        " ,.:;-–"
    )


_STAMP_WORD = re.compile(r"\b(?:published|posted|issued|updated|dated|date)\b", re.I)


def _is_prose(text: str) -> bool:
    """A short sentence of the article ("He retired in January 2010."), not a date line:
    its date is an event's."""
    if _STAMP_WORD.search(text):
        return False  # "Last updated at 14:17 GMT on Thursday, 7 January 2010."
    lower = [w for w in _HEAD_WORD.findall(text) if w.islower() and month_number(w) is None]
    return text.rstrip().endswith((".", "!", "?")) and len(lower) >= _PROSE_WORDS


def _spans(text: str, day_first: bool) -> bool:
    """A span from one date to another ("Jane Doe (April 2012 - July 2013)"): a tenure or a
    period, not a publication date."""
    return any(s.precision == "range" for s in dated_spans(text, None, day_first=day_first))


def _is_dateline(text: str, day_first: bool) -> bool:
    """Little but one date: weekdays, times, 'updated', a name or two may stand beside it."""
    values = {m.value for m in find_page_dates(text, day_first=day_first) if m.precision != "year"}
    return len(values) == 1 and is_timestamp(text, day_first=day_first, names=_DATELINE_OTHER_WORDS)


def _lead_paragraphs(raw_text: str, day_first: bool) -> list[tuple[str, bool]]:
    """The first paragraphs (wraps joined), and whether blank lines stand around each."""
    text = raw_text.replace("\r\n", "\n").replace("\r", "\n").replace(PAGE_BREAK, "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    width = wrap_width(lines)
    paragraphs: list[tuple[str, bool]] = []
    current: list[str] = []
    blank_before = True
    for line in [*lines, ""]:
        if current and (not line or not is_wrap(current[-1], line, width)):
            joined = " ".join(current)
            if _counts(joined, day_first):
                paragraphs.append((joined, blank_before and not line))
            current, blank_before = [], False
        if not line:
            blank_before = True
            continue
        if len(paragraphs) >= _LEAD_PARAGRAPHS:
            break
        current.append(line)
    return paragraphs


def _counts(paragraph: str, day_first: bool) -> bool:
    """Page counts and undated furniture ("Citation preview") do not use up the lead."""
    dated = _best(find_page_dates(paragraph, day_first=day_first)) is not None
    if (_LETTERS.search(paragraph) is None and not dated) or is_nav_item(paragraph):
        return False  # not "2015-03-31 18:38:51", a date line with no letters
    return not is_furniture(paragraph) or dated


def _best(mentions: list[DateMention]) -> str | None:
    """Prefer the first day-precise mention, then the first month; years are too vague."""
    for precision in ("day", "month"):
        for mention in mentions:
            if mention.precision == precision:
                return mention.value
    return None

"""Recognise web-page and document-site furniture by its general shape, never by site.

Furniture is what a page carries around its article: menus, reading times,
"Hide Ad", sign-up and share prompts, cookie banners, "Page last updated",
comment counts, image credits, upload/view counters of document-sharing sites.
Only short lines that stand alone are judged; a sentence that merely mentions
"share" or "cookies" is real text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.dates import find_dates
from index.models import DateMention

__all__ = [
    "NAV_RUN",
    "find_page_dates",
    "is_furniture",
    "is_link_list_heading",
    "is_nav_item",
    "is_timestamp",
]

NAV_RUN = 3
"""A run of at least this many menu entries (short lines with a menu word) is a menu."""

_MAX_WORDS = 15
_COOKIE_MAX_WORDS = 80
_CAPTION_MAX_WORDS = 45
_DATEISH = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_SOCIAL = (
    r"(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|pinterest|reddit|messenger|instagram"
    r"|youtube|tiktok|threads|bluesky|delicious|digg|stumbleupon|flipboard)"
)
_PHRASES = (
    # navigation and site chrome
    r"skip to (?:main )?(?:content|navigation)|skip navigation|jump to (?:main )?content"
    r"|(?:back to )?top|top of (?:the )?page|(?:previous|next) (?:article|story|post|page)"
    r"|(?:log|sign) ?(?:in|out)|my account|register(?: now| here)?|search(?: this site)?|menu"
    r"|user ?name|password|forgot(?:ten)? (?:your )?password\??|remember me"
    r"|close|contact us|about us|accessibility(?: statement)?|privacy(?: policy| notice)?"
    r"|terms(?: and conditions| of use)?|site ?map|(?:main )?navigation|click here\b.*"
    r"|.{1,60}\|\s*home(?:page)?",
    # sharing and social links
    r"(?:share|print|e-?mail)(?: this(?: article| page| post| story)?)?:?|tweet|like this:?"
    rf"|(?:share|follow us|find us)(?: (?:on|via|with))? {_SOCIAL}.*|follow us.*"
    rf"|{_SOCIAL}(?:[\s,|/]+{_SOCIAL})*|copy(?: the)? link|link copied|bookmark(?: with:?)?"
    r"|e-?mail this to a friend|printable version|what are these\??|reuse this content",
    # sign-up prompts
    r"subscribe(?: now| here)?(?: to (?:our|the|this) (?:newsletter|blog|feed|updates))?"
    r"|thank you for subscribing.*|(?:see|read) our privacy (?:notice|policy).*"
    r"|invalid e-?mail(?: address)?|something went wrong.*|more info|show me(?: more)?"
    r"|we have more newsletters|if you enjoyed this (?:article|post|story).*",
    # cookie banners
    r"cookies?\b.*|(?:we|this (?:web)?site) uses? cookies.*|(?:accept|reject) all(?: cookies)?"
    r"|(?:accept|reject|view|change|manage|hide)\b.{0,40}\b(?:cookies?|preferences|this message)"
    r"|i (?:accept|agree)|got it|ok,? i agree|agree and close",
    # related links, taxonomy, comments
    r"related(?: posts| articles| stories| content| topics| links| news| internet links| pages)?:?"
    r"|related\s*:.*|more (?:on|about) this (?:story|topic)|more from .{1,40}"
    r"|most (?:read|popular|viewed|shared)|top stories|trending(?: now)?|see also"
    r"|you (?:may|might) also (?:like|be interested in).*"
    r"|recommended(?: for you| reading| stories)?"
    r"|(?:read|watch) next|read more\b.*|tags?\s*:.*|categor(?:y|ies)\s*:.*|filed under\s*:?.*"
    r"|topics?\s*:.*|\d{1,2} [a-z]{3} \d{2}\s*\|.*"
    r"|(?:leave|add|post|show|hide|view|read|see|load|no)(?: all| a| your| the)? comments?"
    r"|comments?|\d+\s+comments?|comments?\s*\(\d+\)|have your say"
    r"|join the (?:conversation|discussion|debate)",
    # advertising and reading aids
    r"(?:\s*(?:hide ad|advert(?:isement)?s?|ad feature|sponsored(?: content)?))+"
    r"|(?:story|article) continues(?: below)?(?: advertisement)?|continue reading(?: below)?"
    r"|\d+\s*(?:min(?:ute)?s?)\.?\s+read|reading time\s*:?.*|listen to (?:this )?article.*"
    r"|this (?:article|story|page) is (?:more|over) than \d+ (?:years?|months?|days?) old",
    # images
    r"image (?:copyright|source|credit)s?\b.*|image of .*|.{0,80}\bgetty images\b.*"
    r"|(?:photo(?:graph)?|picture|image|credit)s?\s*:\s*\S.{0,60}",
    # document-sharing sites and page counters
    r"upload(?:ed)?(?: by)?\s*:?\s*\S*|(?:upload|view|download|others)s?(?:\s+\d+)?"
    r"|\d[\d,.]*k?\s+(?:views?|downloads?|likes?|shares?)|embed size \(px\)|citation preview"
    r"|transcript|post(?:ed)? on \S+|report this (?:document|link|page)|\d{1,3}"
    r"|.{0,60}\bpage \d+ of \d+",
    # bylines with a date
    rf"by\b.{{0,60}}?\bon\s+{_DATEISH}(?:\s+in\s+.+)?"
    rf"|posted (?:on|by)\b.{{0,60}}?(?:{_DATEISH}.*)?",
)
_ONE_PIECE = "|".join(f"(?:{group})" for group in _PHRASES)
_FURNITURE = re.compile(_ONE_PIECE, re.IGNORECASE)
_FURNITURE_RUN = re.compile(rf"(?:{_ONE_PIECE})(?:\s+(?:{_ONE_PIECE}))+", re.IGNORECASE)
"""Pieces of furniture run together on one line ("Skip to main content Skip to navigation")."""
_PROMPT_VERB = re.compile(
    r"^(?:sign ?up|subscribe|register|join|get|receive|download|follow|never miss)\b", re.I
)
_PROMPT_NOUN = re.compile(
    rf"\b(?:newsletters?|updates|alerts|e-?mails?|inbox|app|podcasts?|feed|{_SOCIAL})\b", re.I
)
_COOKIE_BANNER = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site)\b[^.]{0,60}\b(?:use|uses|set|sets|place)\b"
    r"[^.]{0,60}\bcookies\b|\b(?:agree|consent) to (?:our|the) use of cookies\b",
    re.IGNORECASE,
)
_BROWSER_NOTICE = re.compile(
    r"\byour browser\b|\bfor the best (?:possible )?experience (?:of|on|using|with) (?:this|our)\b",
    re.IGNORECASE,
)
"""A notice about the reader's browser ("Your browser is no longer supported")."""
_NOTICE_OPENING = 40
_CAPTION_CREDIT = re.compile(
    r"^(?:image|media) caption\b.*|(?:\b(?:photo(?:graph)?|picture|image)s?\s*:\s*[^.:]{1,60}\.?"
    r"|\((?:photo |image )?credit\s*:[^)]*\)|\((?:image|photo|picture|pic)s?\s*:[^)]*\))$",
    re.IGNORECASE,
)
_UNSUBSCRIBE = re.compile(
    r"\byou can unsubscribe at any time\b|\bis not responsible for the content of external",
    re.IGNORECASE,
)
_REPEATED_CREDIT = re.compile(r"(\S{4,}).{1,80}\1")  # "Credit/Agency caption words Credit/Agency"
_BREADCRUMB = re.compile(r"^[^›»>/]{1,40}(?:\s[›»>/]\s[^›»>/]{1,40}){2,}$")
_LINK_BAR = re.compile(r"\s\|\s")
_BYLINE = re.compile(
    r"^[Bb]y\s*(?:[A-Z][\w'’.-]*\s*){1,4}(?:,\s*[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,4})?$"
)
_LINK_BAR_CELLS = 3
_ROLE_MAX_WORDS = 8
_ROLE = re.compile(
    r"^(?:(?!(?:to|for|of|the|and|from|by|with|our|your|dear|notes?|letters?)\b)[\w'’.-]+,?\s+)"
    r"{0,5}(?:reporter|editor|correspondent|journalist|columnist|photographer)$",
    re.IGNORECASE,
)
_SECTION_HEADING = re.compile(
    r"(?:see also|related(?: \w+){0,2}|more on this (?:story|topic)|top(?: \w+){0,3} stories"
    r"|most (?:read|popular|viewed|shared)|you (?:may|might) also like|recommended(?: \w+)?"
    r"|trending(?: now)?|more stories|latest news|in other news|read more)\s*:?",
    re.IGNORECASE,
)
_DATE_WORDS_TEXT = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun at on am pm gmt bst utc st nd rd th updated published posted last "
    "page this was modified reviewed first"
)
_DATE_WORDS = frozenset(_DATE_WORDS_TEXT.split())
_CAPITAL_MONTH = re.compile(
    r"\b(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b"
)
_NAME_WORD = re.compile(r"^[A-Z][a-z'’-]+$")
_WORDS = re.compile(r"[A-Za-z’']+|\d+")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:gmt|bst|utc)\b", re.IGNORECASE)
_NAV_WORDS_TEXT = (
    "home news sport sports weather business politics local lifestyle opinion culture "
    "video videos podcasts menu search contact about council services jobs events more "
    "login account health education travel entertainment latest press releases media "
    "democracy residents visitors housing transport planning libraries leisure environment "
    "community councillors meetings consultations directory shop puzzles tv radio world uk "
    "money tech science obituaries crime traffic motoring property announcements help "
    "feedback"
)
_NAV_WORDS = frozenset(_NAV_WORDS_TEXT.split())


@lru_cache(maxsize=8192)  # every line is asked about as itself and as its neighbour's next
def is_furniture(text: str) -> bool:
    """Whether a line (or a short paragraph) is page furniture rather than the article."""
    words = text.split()
    if not words:
        return False
    if not any(char.isalnum() for char in text):
        return True
    if len(words) <= _COOKIE_MAX_WORDS and _COOKIE_BANNER.search(text):
        return True
    notice = _BROWSER_NOTICE.search(text)
    if notice is not None and notice.start() <= _NOTICE_OPENING and len(words) <= _MAX_WORDS * 2:
        return True  # "Your browser is no longer supported …", opening a short line
    if len(words) <= _CAPTION_MAX_WORDS and _CAPTION_CREDIT.search(text):
        return True
    if len(words) <= _COOKIE_MAX_WORDS and (
        _BREADCRUMB.match(text) or _UNSUBSCRIBE.search(text) or _is_link_bar(text)
    ):
        return True
    if len(words) >= _MAX_WORDS:
        return False
    return (
        _FURNITURE.fullmatch(text) is not None
        or _FURNITURE_RUN.fullmatch(text) is not None
        or (_PROMPT_VERB.match(text) is not None and _PROMPT_NOUN.search(text) is not None)
        or _REPEATED_CREDIT.fullmatch(text) is not None
        or _BYLINE.match(text) is not None
        or (len(words) <= _ROLE_MAX_WORDS and _ROLE.match(text) is not None)
        or _is_stamp(text)
    )


def find_page_dates(text: str, *, day_first: bool = True) -> list[DateMention]:
    """Dates as pages print them, capitals too ('12 MAR 2010'); offsets are the text's own."""
    return find_dates(_CAPITAL_MONTH.sub(lambda m: m[0].title(), text), day_first=day_first)


def is_timestamp(text: str, *, day_first: bool = True, names: int = 0) -> bool:
    """A line that is a date (with weekday, time, 'updated', up to `names` other words)."""
    mentions = find_page_dates(text, day_first=day_first)
    if not any(m.precision in ("day", "month") for m in mentions):
        return False
    rest = text
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    others = [w for w in _WORDS.findall(rest) if not w.isdigit() and w.lower() not in _DATE_WORDS]
    return len(others) <= names


def is_link_list_heading(text: str) -> bool:
    """'See also', 'Related stories', 'Top stories': the short lines below it are links."""
    return _SECTION_HEADING.fullmatch(text) is not None


def is_nav_item(text: str) -> bool:
    """A menu entry: one to three words, no sentence punctuation, a menu word among them."""
    words = text.split()
    if not 1 <= len(words) <= 3 or re.search(r"[.,;:!?\d]", text):
        return False
    return any(word.lower().strip("'’&") in _NAV_WORDS for word in words)


def _is_link_bar(text: str) -> bool:
    """'Help | Privacy | Contact us': site links, unlike a table row of findings."""
    cells = [cell.strip() for cell in _LINK_BAR.split(text)]
    if len(cells) < _LINK_BAR_CELLS:
        return False
    links = sum(1 for cell in cells if is_nav_item(cell) or _FURNITURE.fullmatch(cell))
    return links * 2 >= len(cells)


def _is_stamp(text: str) -> bool:
    """A timestamp (date with a clock time or 'updated'), or a byline 'Name Surname 3 May 2010'
    (one date, not a span in brackets)."""
    lowered = text.lower()
    if (_CLOCK.search(text) or "updated" in lowered) and is_timestamp(text):
        return True
    words = _WORDS.findall(text)
    if words and words[0].lower() == "by":
        words = words[1:]
    names = 0
    while names < len(words) and names < 3 and _NAME_WORD.match(words[names]):
        names += 1
    if "(" in text or len({m.value for m in find_page_dates(text)}) != 1:
        return False  # "Jane Doe (April 2012 - July 2013)": a tenure heading, not a byline
    return names >= 2 and is_timestamp(text, names=names) and not is_timestamp(text)


ADDRESS_LINE = re.compile(
    r"^\s*(?:(?:source|url|link|address|web address|retrieved from|original(?: url)?|from)"
    r"\s*:?\s*)?(?:https?://|www\.)\S+\s*$",
    re.IGNORECASE,
)
"""A line that is only a web address, perhaps labelled ("Source: https://…"): what a
saved page was saved from, not its title."""

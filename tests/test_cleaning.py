"""Cleaning keeps real text whole and drops page debris and web furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.inference import infer_date
from index.models import PAGE_BREAK, CleanText

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PDF_FILE = "000_dacb6d7e4608512c.txt"
WEB_FILE = "001_531fd4b695795cd4.txt"


def _corpus(name: str) -> str:
    """Read a reference file, or skip when the shared corpus is not checked out."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"reference corpus file {path} is absent")
    return path.read_text(encoding="utf-8")


def _paragraph_texts(clean: CleanText) -> list[str]:
    return [clean.text[p.start : p.end] for p in clean.paragraphs]


def test_offsets_are_exact_and_joined_by_blank_lines() -> None:
    clean = clean_text(_corpus(PDF_FILE))
    assert "\n\n".join(_paragraph_texts(clean)) == clean.text
    assert [p.number for p in clean.paragraphs] == list(range(1, len(clean.paragraphs) + 1))
    assert all(p.page is None for p in clean.paragraphs)
    assert clean.text == clean.text.strip()


def test_pdf_hard_wraps_are_joined_and_bullets_dropped() -> None:
    paragraphs = _paragraph_texts(clean_text(_corpus(PDF_FILE)))
    assert paragraphs[0] == "Better child protection pledge for city"
    assert (
        "The SCR makes 12 recommendations that directly relate to Birmingham’s children "
        "services, or are joint recommendations with other agencies. Ten of these have"
    ) in paragraphs[8]
    bullet = next(p for p in paragraphs if p.startswith("The vacancy rate"))
    assert bullet.endswith("qualified full-time social workers to 100")
    assert not any("\n" in p or "•" in p or p != p.strip() for p in paragraphs)
    assert "Managers at every level" in " ".join(paragraphs)


def test_web_boilerplate_and_slug_debris_are_removed() -> None:
    clean = clean_text(_corpus(WEB_FILE))
    paragraphs = _paragraph_texts(clean)
    for furniture in ("Subscribe", "Tags", "If you enjoyed", "By on", "12/03/2010"):
        assert furniture not in clean.text
    assert paragraphs[-1].startswith("We have rolled out our rapid improvement programme")
    assert "Top" not in paragraphs
    assert paragraphs[1].startswith("Cllr Les Lawrence, Cabinet Member")
    assert "lawrence-les2" not in clean.text
    assert "\u00a0" not in clean.text


def test_page_breaks_keep_page_numbers_without_splitting_sentences() -> None:
    raw = f"Title line\n\nA sentence that runs over\n{PAGE_BREAK}the page break.\n\nNext one.\n"
    raw += f"{PAGE_BREAK}\n\nOn page three."
    clean = clean_text(raw)
    assert _paragraph_texts(clean) == [
        "Title line",
        "A sentence that runs over the page break.",
        "Next one.",
        "On page three.",
    ]
    assert [p.page for p in clean.paragraphs] == [1, 1, 2, 3]


def test_normalises_spaces_line_endings_and_hyphenated_wraps() -> None:
    raw = "Caf\u0065\u0301  staff\u00a0were\tre-\r\nlocated to the front-\r\nline “team”.\r\n"
    clean = clean_text(raw)
    assert clean.text == "Café staff were re-located to the front-line “team”."


def test_bullets_and_numbered_markers_start_paragraphs() -> None:
    raw = "Actions:\n• first item\nwrapped\n- second item\n1. Third item\n(b) fourth item\n\n"
    raw += "A line ending with\n– an en dash wrap\n12. And a wrapped number"
    assert _paragraph_texts(clean_text(raw)) == [
        "Actions:",
        "first item wrapped",
        "second item",
        "Third item",
        "fourth item",
        "A line ending with – an en dash wrap 12. And a wrapped number",
    ]


def test_boilerplate_is_conservative() -> None:
    raw = (
        "Share\n\nBack to top\n\nSkip to main content\n\nCookie settings\n\nTweet\n\n"
        "By Jane Smith on 3 May 2010 in Press releases\n\n"
        "Top officials will share the findings by email on Monday.\n\n"
        "Subscribe to the idea that every child matters, said the report."
    )
    assert _paragraph_texts(clean_text(raw)) == [
        "Top officials will share the findings by email on Monday.",
        "Subscribe to the idea that every child matters, said the report.",
    ]


@pytest.mark.parametrize("raw", ["", "   \n\n\f  \n", "Subscribe\n\nTop"])
def test_nothing_left_gives_empty_clean_text(raw: str) -> None:
    assert clean_text(raw) == CleanText("", [])


def test_wrapped_pdf_line_that_looks_like_a_byline_is_kept() -> None:
    raw = (
        "The plan agreed last spring was adopted\n"
        "by the Cabinet on 15 June 2010 in full and took effect at once.\n"
        "Staff were told the next day.\n\n"
        "Top officials said the\nTop\nof the list was staffing."
    )
    assert _paragraph_texts(clean_text(raw)) == [
        "The plan agreed last spring was adopted by the Cabinet on 15 June 2010 in full and "
        "took effect at once. Staff were told the next day.",
        "Top officials said the Top of the list was staffing.",
    ]


def test_furniture_lines_standing_alone_or_in_a_run_are_dropped() -> None:
    raw = (
        "Body text.\n\nShare\nTweet\n\nBy Jane Smith on 3 May 2010 in News\n"
        f"{PAGE_BREAK}Next page text."
    )
    assert _paragraph_texts(clean_text(raw)) == ["Body text.", "Next page text."]


def test_control_characters_are_stripped() -> None:
    raw = "Nil\x00 by\x01 mouth\x1b was\x7f noted\x85.\tTabbed.\n\nNext\x0b\u009fline."
    clean = clean_text(raw)
    assert clean.text == "Nil by mouth was noted. Tabbed.\n\nNext line."
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in clean.text)


def test_single_newline_paragraphs_stay_apart() -> None:
    raw = (
        "Council children's services placed under government watch\n"
        "The children's minister said on Tuesday that the council's services for vulnerable "
        "children would be overseen by an improvement board for at least a year.\n"
        "Inspectors had found serious weaknesses in how referrals were handled.\n"
        "What happens next\n"
        "The board will report every three months."
    )
    assert _paragraph_texts(clean_text(raw)) == [
        "Council children's services placed under government watch",
        "The children's minister said on Tuesday that the council's services for vulnerable "
        "children would be overseen by an improvement board for at least a year.",
        "Inspectors had found serious weaknesses in how referrals were handled.",
        "What happens next",
        "The board will report every three months.",
    ]


def test_hard_wraps_rejoin_even_before_a_capitalised_word() -> None:
    raw = (
        "Board statement\n"
        "The independent chair told members of the Cabinet Member for Children and\n"
        "Families that the review of the front door had been completed by the Local\n"
        "Safeguarding Children Board ahead of schedule, and that the action plan\n"
        "Steering Group would meet again in the spring to agree the next steps of\n"
        "the plan.\n"
        "Next steps\n"
        "A further report will follow."
    )
    assert _paragraph_texts(clean_text(raw)) == [
        "Board statement",
        "The independent chair told members of the Cabinet Member for Children and Families "
        "that the review of the front door had been completed by the Local Safeguarding "
        "Children Board ahead of schedule, and that the action plan Steering Group would meet "
        "again in the spring to agree the next steps of the plan.",
        "Next steps",
        "A further report will follow.",
    ]


def test_a_wrapped_heading_joins_when_its_next_line_runs_on_in_lower_case() -> None:
    raw = "Board publishes serious case review\nreport on the death of a child\nThe Board said."
    assert _paragraph_texts(clean_text(raw)) == [
        "Board publishes serious case review report on the death of a child",
        "The Board said.",
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to main content",
        "3 min read",
        "Hide Ad",
        "Advertisement",
        "Page last updated at 14:17 GMT, Thursday, 12 March 2009",
        "This page was last updated on 10 April 2010",
        "Updated Tuesday, 6th December 2016, 12:44 pm",
        "Sign up to our daily newsletter",
        "Share this article",
        "Facebook Twitter Email",
        "Related articles",
        "12 comments",
        "Home > News > Local news",
        "By Jane Smith",
        "Image caption The council offices in the city centre were closed for the day",
        "The council offices in the city centre. Photograph: Agency Name",
        "This article is more than 10 years old",
        "We use cookies to make this website work and to improve your experience. "
        "Accept all cookies",
        "Citation preview",
        "Page 3 of 42",
        "by Jane Smith, Wednesday, 12 March 2010",
        "Related: Council apologises for failings",
        "Click here to read the full report",
        "Help | Privacy and cookies policy | Contact us | Feedback",
    ],
)
def test_furniture_lines_between_single_newline_paragraphs_are_dropped(furniture: str) -> None:
    raw = f"A heading for the story\n{furniture}\nThe council accepted the findings.\nIt said so."
    assert _paragraph_texts(clean_text(raw)) == [
        "A heading for the story",
        "The council accepted the findings.",
        "It said so.",
    ]


def test_a_run_of_menu_entries_is_dropped_but_short_judgements_are_kept() -> None:
    raw = (
        "Home\nNews\nSport\nWeather\nCouncil\n\nReview published\n\n"
        "Children who need help and protection\nGood\nLeadership and governance\nOutstanding\n\n"
        "The review was published today."
    )
    assert _paragraph_texts(clean_text(raw)) == [
        "Review published",
        "Children who need help and protection",
        "Good",
        "Leadership and governance",
        "Outstanding",
        "The review was published today.",
    ]


def test_sentences_mentioning_furniture_words_are_kept() -> None:
    raw = (
        "Staff will share the findings by email with every family.\n"
        "Sign up rates for the parenting course rose to 80 per cent in 2010, the report said.\n"
        "Children who need help and protection | Inadequate | Good"
    )
    assert len(_paragraph_texts(clean_text(raw))) == 3


def test_links_under_a_related_stories_heading_go_with_it() -> None:
    raw = (
        "Council placed under watch\nThe minister acted today.\nSEE ALSO\n"
        "Council criticised over care\n10 Dec 08 | Region\nRELATED INTERNET LINKS\nInspectorate\n"
        "TOP REGION STORIES\nMan charged after city crash"
    )
    assert _paragraph_texts(clean_text(raw)) == [
        "Council placed under watch",
        "The minister acted today.",
    ]


def test_site_name_menu_byline_and_role_lines_above_a_story_are_dropped() -> None:
    raw = (
        "Skip to main content\nCity Live\nNews\nSport\nWhat's On\nBusiness\nWeather\n"
        "Council failed girl, review finds\nByJohn Smith\nSenior Reporter\n10:00, 16 JUL 2010\n"
        "Bookmark\nThe review found missed chances.\nNotes to Editors\nThe council apologised."
    )
    assert _paragraph_texts(clean_text(raw)) == [
        "Council failed girl, review finds",
        "The review found missed chances.",
        "Notes to Editors",
        "The council apologised.",
    ]


def test_running_page_headers_of_a_transcript_are_dropped() -> None:
    header = "Review summary for publication, July 2011 page {} of 42"
    raw = "\n\n".join(
        f"{header.format(page)}\n\nFinding {page} was accepted by the board." for page in (1, 2, 3)
    )
    raw += "\n\nReview summary for publication\n\nReview summary for publication\n\n"
    raw += "Review summary for publication\n\nThe end."
    assert _paragraph_texts(clean_text(raw)) == [
        "Finding 1 was accepted by the board.",
        "Finding 2 was accepted by the board.",
        "Finding 3 was accepted by the board.",
        "The end.",
    ]


def test_a_tenure_heading_is_kept_and_dates_no_page() -> None:
    """ "Jane Doe (April 2012 - July 2013)" heads what a page says of her tenure: a byline
    gives one date, not a span in brackets."""
    raw = (
        "The directors who came and went\n\n"
        "Jane Doe (April 2012 - July 2013)\n\n"
        "Started in April 2012 but left after just 15 months.\n\n"
        "John Roe (2008 - January 2010)\n\n"
        "He retired in January 2010.\n"
    )
    clean = clean_text(raw)
    assert "Jane Doe (April 2012 - July 2013)" in clean.text
    assert "John Roe (2008 - January 2010)" in clean.text
    assert infer_date(raw) is None
    assert infer_date("Title\n\nJane Smith 17 September 2013\n\nThe council said today.") == (
        "2013-09-17"
    )

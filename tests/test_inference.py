"""Titles and dates are guessed sensibly when no metadata gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.events import dated_spans
from index.inference import infer_date, infer_title, year_in_name
from index.loaders import load_file

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _raw(name: str) -> str:
    """Read a reference file, or skip when the shared corpus is absent."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"reference corpus file {path} is absent")
    return path.read_text(encoding="utf-8")


def test_reference_titles_are_their_headings() -> None:
    pdf = clean_text(_raw("000_dacb6d7e4608512c.txt"))
    web = clean_text(_raw("001_531fd4b695795cd4.txt"))
    assert infer_title(pdf) == "Better child protection pledge for city"
    assert infer_title(web) == "Statement following sentencing in Khyra Ishaq trial"


def test_title_from_first_sentence_when_no_heading() -> None:
    text = (
        "The council published its improvement plan for children's social care in "
        "Birmingham today. It sets out targets."
    )
    assert infer_title(clean_text(text)) == (
        "The council published its improvement plan for children's social care in Birmingham…"
    )
    assert infer_title(clean_text("Short note. More text.")) == "Short note."


def test_no_title_for_empty_text() -> None:
    assert infer_title(clean_text("")) is None


def test_web_page_date_from_byline() -> None:
    assert infer_date(_raw("001_531fd4b695795cd4.txt")) == "2010-03-12"


def test_pdf_press_release_has_no_date_near_its_top() -> None:
    assert infer_date(_raw("000_dacb6d7e4608512c.txt")) is None


def test_published_line_and_lead_dates() -> None:
    assert infer_date("Title\n\nPublished 27 July 2010\n\nIn December 2008 ...") == "2010-07-27"
    # a short sentence of prose dates an event, not the page
    assert infer_date("Title\n\nIn December 2008 Ofsted met on 3 March 2009.\n") is None
    assert infer_date("Title\n\n3 March 2009\n\nOfsted met in December 2008.\n") == "2009-03-03"
    assert infer_date("Title\n\nIn December 2008 Ofsted met.\n\nBody.") == "2008-12"
    assert infer_date("Pledge\n\nIssued: 2010-07\n\nBody text.") == "2010-07"
    assert infer_date("Title\nIn 2008 Ofsted met.") is None
    assert infer_date("By on 03/12/2010 in News", day_first=False) == "2010-03-12"


def test_date_far_down_is_not_the_publication_date() -> None:
    assert infer_date("Title\n\n" + "word " * 200 + "on 3 March 2009.") is None


def test_dates_inside_a_paragraph_are_not_the_publication_date() -> None:
    assert infer_date("Report\nIssued to all staff in March 2009 and 12 June 2010") is None
    wrapped = (
        "Decision record\n\nThe plan agreed in principle last spring was adopted\n"
        "by the Cabinet on 15 June 2010 in full and took effect at once.\n"
        "Staff were told the next day.\n"
    )
    assert infer_date(wrapped) is None


def test_byline_must_be_short_and_near_the_top() -> None:
    long_byline = "Title\n\nPublished on 3 May 2010 " + "after a long consultation " * 3
    assert infer_date(long_byline) is None
    far_down = "Title\n\n" + "Line of text.\n\n" * 8 + "Published 3 May 2010\n"
    assert infer_date(far_down) is None


def test_a_date_alone_on_its_line_dates_a_pdf_without_blank_lines() -> None:
    assert infer_date("Pledge for city\n27 July 2010\nThe council said today.") == "2010-07-27"


@pytest.mark.parametrize(
    "opening",
    [
        "Skip to main content\n3 min read\n",
        "Page last updated at 14:17 GMT, Thursday, 12 March 2009\n",
        "Press release\n",
        "Anytown City Council\n",
        "Jane Smith 12 March 2009\n",
        "By Jane Smith\nThursday, 12th March 2009, 4:21 pm\n",
        "Published on 12 Mar 2009\n",
        "42\nCitation preview\n",
        "Photo caption (credit: Agency Name)\n",
        "Statement to the press:\nIssued on the day of the hearing\n",
        "City Live\nNews\nSport\nWhat's On\nWeather\n",
        "Advertisement Hide Ad\nThe council offices (Image: Agency Name)\n",
    ],
)
def test_title_is_the_heading_below_page_furniture(opening: str) -> None:
    raw = (
        f"{opening}Council children's services placed under government watch\n"
        "The minister said the council would be overseen by a board for a year.\n"
    )
    assert infer_title(clean_text(raw)) == (
        "Council children's services placed under government watch"
    )


def test_title_is_the_opening_sentence_when_only_furniture_precedes_prose() -> None:
    raw = "Hide Ad\nAdvertisement\nThe council apologised today. It said more."
    assert infer_title(clean_text(raw)) == "The council apologised today."


def test_page_last_updated_dates_a_page_though_it_is_not_kept() -> None:
    raw = (
        "Page last updated at 14:17 GMT, Thursday, 12 March 2009\n\n"
        "Council under government watch\n\nThe minister said so in 2008."
    )
    assert infer_date(raw) == "2009-03-12"
    assert "updated" not in clean_text(raw).text


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("Jane Smith 17 September 2013\n", "2013-09-17"),
        (
            "By The Newsroom\nFriday, 25th November 2016, 4:21 pm\nUpdated 6 December 2016\n",
            "2016-11-25",
        ),
        ("Date published: 29 April 2013\n", "2013-04-29"),
        ("Wednesday, April 10, 2024\n", "2024-04-10"),
        ("ByJohn Smith\nSenior Reporter\n10:00, 16 JUL 2010\n", "2010-07-16"),
        ("by Jane Smith, Wednesday, 12 March 2010\n", "2010-03-12"),
        ("16 August 2013, 15:24 | Updated: 16 August 2013, 15:26\n", "2013-08-16"),
    ],
)
def test_single_newline_datelines_date_the_page(opening: str, date: str) -> None:
    raw = f"Council served with improvement notice\n{opening}The council was told to act.\n"
    assert infer_date(raw) == date


def test_dates_in_the_body_are_not_invented_into_a_publication_date() -> None:
    raw = (
        "Minister highlights gaps in review\n\n"
        "A report into the death of a boy has been strongly criticised by the minister.\n\n"
        "He highlighted ten gaps in the serious case review carried out after the death.\n\n"
        "December 2006\n\nA sibling spoke to the police."
    )
    assert infer_date(raw) is None
    assert infer_date("Inspection date: 20 January 2015 – 11 February 2015\nBody.") is None


def test_html_title_loses_the_site_name(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Council placed under watch - Site News</title></head>"
        "<body><h1>Site News</h1><p>Text.</p></body></html>",
        encoding="utf-8",
    )
    [document], _ = load_file(page)
    assert document.meta is not None
    assert document.meta.title == "Council placed under watch"


def test_a_page_title_line_loses_the_site_name() -> None:
    raw = "Council failed girl, review finds - City News\nThe review found missed chances."
    assert infer_title(clean_text(raw)) == "Council failed girl, review finds"
    assert infer_title(clean_text("Anytown - Draft report\nText follows here.")) == (
        "Anytown - Draft report"
    )


def test_a_reports_first_line_names_its_date() -> None:
    opening = "Review of the Northtown Partnership December 2020 Title Review of the partnership"
    assert infer_date(opening + " between the two councils and what it has achieved.\n") == (
        "2020-12"
    )
    scr = "SCR NT001 Executive Summary for publication 21 July 2011 page 1 of 42 NORTHTOWN"
    assert infer_date(scr + " SAFEGUARDING BOARD and more words of the summary.\n") == "2011-07-21"
    event = "On 27 August 2019, Ofsted published the findings of their inspection of Northtown."
    assert infer_date(event + "\n\nMore text.") is None  # a date the page reports


def test_published_today_takes_the_year_its_weekday_fits() -> None:
    text = (
        "Northtown rated Good\n\nIn its report published today (Monday, 11 September), "
        "Ofsted found the service good, after an inadequate rating in 2019 and a final "
        "inspection in July 2023.\n"
    )
    assert infer_date(text) == "2023-09-11"  # a Monday in 2023, not in 2019 or 2020
    assert infer_date(text.replace("Monday", "Tuesday")) is None  # no year named fits


def test_a_date_in_prose_or_an_owners_opening_does_not_date_the_page() -> None:
    born = "Serious case review: Child T, born 3 March 2005, died at home in the city."
    assert infer_date(born + " More words follow here to make it long enough.\n\nText.") is None
    two_fit = (
        "Northtown rated Good\n\nIn its report published today (Monday, 11 September), "
        "Ofsted looked back to 2016 and to 2022.\n"
    )
    assert infer_date(two_fit) is None  # 11 September 2017 and 2023 were both Mondays
    elsewhere = (
        "Northtown plan\n\nIt was published today (Monday, 11 September).\n\n"
        "The contract runs to 2022.\n"
    )
    assert infer_date(elsewhere) is None  # years of another paragraph do not count


def test_a_timeline_of_date_headings_gives_no_publication_date() -> None:
    timeline = (
        "Timeline\n\nMay 2008\n\nA girl dies.\n\nDecember 2008\n\nOfsted rates it inadequate.\n"
    )
    assert infer_date(timeline) is None
    assert infer_date("Title\n\n3 March 2009\n\nOfsted met in December 2008.\n") == "2009-03-03"


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("northtown-rated-good-2019.txt", "2019"),
        ("2016_kirklees_direction.pdf", "2016"),
        ("review-of-the-year-2004-05.txt", None),  # a span dates nothing
        ("plan-2010-and-2011.txt", None),  # two years: which?
        ("000_dacb6d7e4608512c.txt", None),  # digits inside a hash are no year
        ("improvement-plan.txt", None),
    ],
)
def test_a_file_name_may_give_the_year(name: str, year: str | None) -> None:
    assert year_in_name(Path(name)) == year


def test_relative_words_against_a_year_alone_place_only_years() -> None:
    """A page dated only by the year its name gives: "last year" is the year before, and
    "last month" cannot be placed (the year's first day is no date to count from)."""
    spans = dated_spans("It rose last year, and fell last month, two years ago.", "2019")
    assert [(s.first, s.last) for s in spans] == [
        ("2018-01-01", "2018-12-31"),
        ("2017-01-01", "2017-12-31"),
    ]

"""A saved page's masthead (the site's name, as its address spells it) is no title, and a
date line with no letters ("2015-03-31 18:38:51") dates the page. The page is written for
the test (Northtown Radio is no real station)."""

from __future__ import annotations

from index.cleaning import clean_text
from index.inference import infer_date, infer_title

SAVED = """Source: http://northtownradio.co.uk/local/northtown-children-still-at-risk

Northtown Radio Local News

Northtown children 'still at risk'

2015-03-31 18:38:51

More work is needed to protect children in Northtown, according to the commissioner.
"""


def test_the_site_name_is_not_the_title() -> None:
    assert infer_title(clean_text(SAVED)) == "Northtown children 'still at risk'"


def test_a_date_line_without_letters_dates_the_page() -> None:
    assert infer_date(SAVED) == "2015-03-31"


def test_a_title_that_only_begins_with_the_site_name_is_kept() -> None:
    page = SAVED.replace("Northtown Radio Local News\n\n", "").replace(
        "Northtown children 'still at risk'", "Northtown Radio wins an award for its reporting"
    )
    assert infer_title(clean_text(page)) == "Northtown Radio wins an award for its reporting"

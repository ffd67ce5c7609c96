"""The search page of a practitioner who refines, then widens, a search with the keyboard alone."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import run_axe, tab_to

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def params(page):
    return parse_qs(urlsplit(page.url).query)


def remove_a_filter_with_the_keyboard(page):
    """Each active filter is a link above the results: one Enter removes it, keeping the words,
    the other filters and the sort, back to the first page."""
    page.goto("/recherche/?q=participation&type=experiencepage&region=hauts-de-france&sort=date")
    filters = page.get_by_role("list", name="Filtres actifs :")
    region = filters.get_by_role("link", name=re.compile(r"^Région : Hauts-de-France ?, retirer"))
    assert region.is_visible()
    assert run_axe(page) == []
    tab_to(page, ".search-active-filters a[href*='type=experiencepage']:not([href*='region'])")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert params(page) == {"q": ["participation"], "type": ["experiencepage"], "sort": ["date"]}
    assert page.locator(".search-facet input[value='hauts-de-france']:checked").count() == 0
    assert filters.get_by_role("link").all_text_contents() == [
        "Type de contenu : Fiche d'expérience, retirer ce filtre"
    ]


def test_a_practitioner_removes_a_filter_in_one_keystroke(demo_site, page):
    remove_a_filter_with_the_keyboard(page)

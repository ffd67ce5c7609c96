"""A practitioner looks for a practice: home → search without accents → a facet → a sheet → its
print view; once with the mouse, once with the keyboard alone, and through the autocomplete.
And compares two job descriptions, with the keyboard alone.
"""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import run_axe, screenshot, tab_to

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUERY = "evaluation participation"  # the pages say « évaluation »


def assert_print_view(page):
    """The sheet as printed: no navigation, filters, footer, or what only serves on screen (its
    completeness bar, the alerts); link addresses and the sheet's own address shown; black
    text."""
    assert page.locator(".completeness").first.is_visible()
    source = page.locator(".sheet__source")
    assert not source.is_visible(), "the address for paper shows on screen"
    page.emulate_media(media="print")
    printed = source.inner_text() if source.is_visible() else ""
    assert re.search(rf"en ligne : https?://\S+{re.escape(urlsplit(page.url).path)}$", printed), (
        printed
    )
    hidden = (".site-nav", ".site-footer", ".skip-link", ".site-search", ".breadcrumbs")
    for selector in (*hidden, ".completeness"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    assert page.locator("main h1").is_visible()
    shown = page.evaluate(
        """() => {
            const link = [...document.querySelectorAll('main a[href]')]
                .find(a => !a.getAttribute('href').startsWith('#'));
            return link ? getComputedStyle(link, '::after').content : null;
        }"""
    )
    assert shown and shown.startswith('" <'), f"link address not printed: {shown}"
    colour = page.evaluate("() => getComputedStyle(document.querySelector('main h1')).color")
    assert colour == "rgb(0, 0, 0)", colour
    screenshot(page, "fiche-impression")
    page.emulate_media(media="screen")


def quotations_in_the_print_view(page):
    """On paper as on screen, the opening quotation mark sits in the quotation's left margin,
    clear of the quoted text's first letter."""
    page.goto("/experiences/budget-participatif-paris/")
    assert page.locator(".quotation").count() > 0
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        overlaps = page.evaluate(
            """() => [...document.querySelectorAll('.quotation')].filter(figure => {
                const mark = getComputedStyle(figure, '::before');
                const context = document.createElement('canvas').getContext('2d');
                context.font = `${mark.fontStyle} ${mark.fontWeight} ${mark.fontSize} ${mark.fontFamily}`;
                const markRight = figure.getBoundingClientRect().left + parseFloat(mark.left)
                    + context.measureText(mark.content.replace(/"/g, '')).width;
                return markRight > figure.querySelector('blockquote').getBoundingClientRect().left;
            }).length"""
        )
        assert overlaps == 0, f"{media}: the quotation mark covers the text of {overlaps} quotes"
    page.emulate_media(media="screen")


def practitioner_journey_with_the_mouse(page):
    page.goto("/")
    page.get_by_role("combobox", name="Rechercher dans Praxis").fill(QUERY)
    with page.expect_navigation():
        page.get_by_role("combobox", name="Rechercher dans Praxis").press("Enter")
    assert re.search(r"/recherche/\?q=", page.url)
    hits = page.locator(".search-hit")
    assert hits.count() > 0, "no result for a query typed without accents"
    total_before = hits.count()

    # A facet: the first type of content offered
    facet = page.locator(".search-facet").first
    facet.locator("input[type=checkbox]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Appliquer les filtres").click()
    assert page.locator(".search-facet input:checked").count() == 1
    assert 0 < page.locator(".search-hit").count() <= total_before
    assert run_axe(page) == []

    with page.expect_navigation():
        page.locator(".search-hit__title a").first.click()
    assert page.locator("article.sheet").count() == 1
    assert_print_view(page)


def check_autocomplete_combobox(page):
    """The header search box is an ARIA 1.2 combobox operable with the keyboard."""
    page.goto("/")
    box = page.get_by_role("combobox", name="Rechercher dans Praxis")
    assert box.get_attribute("aria-expanded") == "false"
    tab_to(page, "#site-search-q")
    page.keyboard.type("budg", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.count() > 0
    assert "suggestion" in page.locator(".combobox__status").first.text_content()
    # Each title says what it is; themes say they are themes.
    assert options.filter(has_text="fiche d'expérience").count() > 0
    assert options.filter(has_text="thème").count() > 0

    page.keyboard.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert page.evaluate("() => document.activeElement.id") == "site-search-q"
    assert run_axe(page) == []
    screenshot(page, "autocompletion")

    page.keyboard.press("ArrowUp")  # wraps to the last option
    assert options.last.get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not listbox.is_visible()

    page.keyboard.press("ArrowDown")
    label = options.first.evaluate("o => o.firstChild.textContent")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A suggestion with a page (title, theme) goes to it; otherwise its label is searched for
    assert "/recherche/" in page.url or label in page.locator("main h1").text_content()


def practitioner_journey_with_the_keyboard_alone(page):
    page.goto("/")
    # The first Tab stop is the skip link, which leads to the main content
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('skip-link')")
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "contenu"

    # From the top of the page, Tab to the header search box
    page.goto("/")
    tab_to(page, "#site-search-q")
    page.keyboard.type(QUERY)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/recherche/\?q=", page.url)

    # A facet: reach the first checkbox, tick it with Space, submit with the button
    tab_to(page, ".search-facet input[type=checkbox]")
    page.keyboard.press("Space")
    tab_to(page, ".search-facets button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".search-facet input:checked").count() == 1

    # The first result, then the sheet
    tab_to(page, ".search-hit__title a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("article.sheet").count() == 1
    tab_to(page, "main a")  # the sheet's links are reachable too
    assert_print_view(page)

    # The suggestions of the search box, with the keyboard too
    check_autocomplete_combobox(page)


def search_on_a_phone(page):
    """On a small screen the results come first: the filters are folded under a toggle that
    says how many are active; on a wide screen they are shown beside the results, no toggle."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/recherche/?q=budget&type=experiencepage")
    toggle = page.locator(".search-facets__panel > summary")
    assert toggle.text_content().strip() == "Filtres (1 actif)"
    assert not page.locator(".search-facet").first.is_visible()
    assert page.locator(".search-facets").bounding_box()["height"] < 150  # unfolded: about 900 px
    toggle.click()
    assert page.locator(".search-facet input:checked").is_visible()
    assert run_axe(page) == []

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/recherche/?q=budget")
    assert page.locator(".search-facet").first.is_visible()
    assert not toggle.is_visible()


def comparing_job_descriptions(page):
    """From a job description to its comparison with another, found by a search, with the
    keyboard alone: the first sheet stays ticked while the reader searches."""
    page.goto("/fiches-de-poste/")
    page.locator(".card__title a", has_text="budget participatif des lycées").click()
    first = page.locator("main h1").text_content().strip()
    tab_to(page, "main a[href*='/metiers/comparer/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("input[name=fiches]:checked").count() == 1

    tab_to(page, "#compare-search")
    page.keyboard.type("numerique")  # the sheet says « numérique »
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "numerique" in page.url and "action=chercher" in page.url
    assert (
        page.locator(".compare-form__status")
        .text_content()
        .startswith("1 fiche de poste correspond")
    )
    assert page.locator("input[name=fiches]:checked").count() == 1  # still ticked
    tab_to(page, "input[name=fiches]:not(:checked)")
    page.keyboard.press("Space")
    tab_to(page, "button[value=comparer]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    headers = page.locator(".compare-table thead th").all_text_contents()
    assert headers[0].strip() == first and "numérique" in headers[1]
    assert run_axe(page) == []


@pytest.mark.slow
def test_practitioner_journeys_with_the_mouse_then_the_keyboard_alone(demo_site, context):
    """Five visits, one corpus load: each visit in its own tab."""
    practitioner_journey_with_the_mouse(context.new_page())
    practitioner_journey_with_the_keyboard_alone(context.new_page())
    search_on_a_phone(context.new_page())
    quotations_in_the_print_view(context.new_page())
    comparing_job_descriptions(context.new_page())

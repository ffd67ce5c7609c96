"""The search page of a practitioner who widens a search with the keyboard alone, then prints it."""

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


def print_a_search(page):
    """On paper the search says what was searched and filtered, without its on-screen tools."""
    page.goto("/recherche/?q=participation&type=experiencepage")
    page.emulate_media(media="print")
    assert not page.locator(".search-form").is_visible()
    assert page.get_by_text(re.compile(r"^\d+ résultats pour « participation »$")).is_visible()
    removal = page.locator(".search-active-filters .chip")
    assert (
        removal.evaluate("a => a.firstChild.textContent") == "Type de contenu : Fiche d'expérience"
    )
    assert removal.evaluate("a => getComputedStyle(a, '::after').content") == "none"
    assert not page.locator(".search-results__sort").is_visible()
    page.emulate_media(media="screen")


def suggestions_announced_only_when_looked_up(page):
    """The live region of the search box says how many suggestions were found for what was
    typed; it stays silent on a first letter and when Escape clears the box (no "No suggestions"
    before anything was looked up)."""
    page.goto("/")
    page.evaluate(
        """() => {
            window.announced = [];
            const status = document.querySelector('.site-search .combobox__status');
            new MutationObserver(() => window.announced.push(status.textContent))
                .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )
    box = page.locator("#site-search-q")
    box.press_sequentially("b")
    page.wait_for_timeout(400)  # more than the delay before a look-up
    box.press_sequentially("udg", delay=30)
    page.get_by_role("listbox").wait_for(state="visible")
    box.press("Escape")  # closes the suggestions
    box.press("Escape")  # clears the box
    assert box.input_value() == ""
    announced = [text for text in page.evaluate("window.announced") if text]
    assert len(announced) == 1 and re.fullmatch(r"\d+ suggestions disponibles\.", announced[0])
    assert page.locator(".site-search .combobox__status").text_content() == ""


def the_search_box_keeps_its_width_on_a_narrow_phone(page):
    """At 320 px the words typed stay readable: the button goes under the box."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/recherche/?q=participation")
    box = page.locator("#search-q").bounding_box()
    button = page.locator(".search-form__query button").bounding_box()
    assert box["width"] >= 280, box
    assert button["y"] >= box["y"] + box["height"], (box, button)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    box = page.locator("#search-q").bounding_box()
    button = page.locator(".search-form__query button").bounding_box()
    assert button["y"] == box["y"] and button["x"] > box["x"] + box["width"]  # side by side


# The labels of the facet values shown (not folded) that a box clipping its overflow hides in
# part: that box's edges cut the label's.
CLIPPED_FACET_LABELS = """() => [...document.querySelectorAll('.search-facet label')]
    .filter(label => !label.closest('details:not([open])'))
    .filter(label => {
        const box = label.getBoundingClientRect();
        for (let parent = label.parentElement; parent; parent = parent.parentElement) {
            const style = getComputedStyle(parent);
            if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
            const edge = parent.getBoundingClientRect();
            if (box.top < edge.top - 0.5 || box.bottom > edge.bottom + 0.5
                || box.left < edge.left - 0.5 || box.right > edge.right + 0.5) return true;
        }
        return false;
    })
    .map(label => label.textContent.trim())"""


def every_filter_offered_is_read_whole(page):
    """The values of each filter are listed whole, not in a box that clips the last ones: the
    eight themes of a search on the participatory budget can all be read."""
    page.goto("/recherche/?q=budget+participatif")
    themes = page.get_by_role("group", name="Thème").locator("label")
    assert themes.count() >= 8
    assert page.evaluate(CLIPPED_FACET_LABELS) == []


def test_a_practitioner_removes_a_filter_in_one_keystroke_then_prints(demo_site, page):
    every_filter_offered_is_read_whole(page)
    remove_a_filter_with_the_keyboard(page)
    print_a_search(page)
    suggestions_announced_only_when_looked_up(page)
    the_search_box_keeps_its_width_on_a_narrow_phone(page)

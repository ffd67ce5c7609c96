"""Forced colours (Windows high contrast), emulated by Chromium: the browser repaints text, borders
and backgrounds with the few system colours of the theme. What the design draws otherwise — the
pictograms (CSS masks painted with a background colour), the mark of the current section, the
chosen suggestion, the text and bars of the charts, the key of the map — must stay visible.
"""

import pytest
from django.urls import reverse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CANVAS = "rgb(0, 0, 0)"  # the background of Chromium's dark forced-colours theme

PICTOGRAMS = """(selector) => [...document.querySelectorAll(selector)].map(e => {
    const icon = getComputedStyle(e, '::before');
    return {type: e.closest('[class*="--"]').className, text: getComputedStyle(e).color,
            paint: icon.backgroundColor, shape: icon.maskImage || icon.webkitMaskImage};
})"""


def canvas(page):
    return page.evaluate("() => getComputedStyle(document.body).backgroundColor")


def assert_pictograms_in_text_colour(page, selector):
    icons = page.evaluate(PICTOGRAMS, selector)
    assert icons, selector
    for icon in icons:
        assert icon["paint"] == icon["text"] != CANVAS, f"{selector}: {icon}"
    return icons


def search_page(page):
    page.goto(reverse("search:search") + "?q=budget")
    assert canvas(page) == CANVAS

    # Each result's pictogram is painted in the text colour, and is its type's: with the colours
    # of the types gone, the shape is what tells an experience from a job description
    icons = assert_pictograms_in_text_colour(page, ".search-hit__type")
    shapes = {}
    for icon in icons:
        shapes.setdefault(icon["type"], set()).add(icon["shape"])
    assert len(shapes) >= 3, shapes
    assert all(len(shape) == 1 for shape in shapes.values()), shapes
    assert len({next(iter(shape)) for shape in shapes.values()}) == len(shapes), shapes

    # The magnifying glass of the header's search button, in the colour of the button's text
    glass = page.evaluate(
        """() => {
            const button = document.querySelector('.site-search button');
            return [getComputedStyle(button, '::before').backgroundColor,
                    getComputedStyle(button).color];
        }"""
    )
    assert glass[0] == glass[1] != CANVAS, glass

    # Highlighted words stand out from the text around them
    mark = page.locator("main mark").first
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != CANVAS

    # A facet's checkbox shows a focus ring
    checkbox = page.locator(".search-facet input[type=checkbox]").first
    checkbox.focus()
    ring = checkbox.evaluate(
        "c => [getComputedStyle(c).outlineStyle, parseFloat(getComputedStyle(c).outlineWidth)]"
    )
    assert ring[0] != "none" and ring[1] >= 2, ring

    # The suggestion chosen with the arrow keys stands out from the others
    page.locator("#site-search-q").fill("")
    page.locator("#site-search-q").press_sequentially("budg")
    page.locator(".combobox__listbox [role=option]").nth(1).wait_for()
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate(
        """() => getComputedStyle(document.querySelector(
            '.combobox__listbox [aria-selected=true]')).backgroundColor"""
    )
    assert chosen not in (CANVAS, "rgba(0, 0, 0, 0)"), chosen
    page.keyboard.press("Escape")


def listing(page):
    page.goto(reverse("practices:theme_list"))
    page.goto(page.locator(".site-nav a").first.get_attribute("href"))
    assert_pictograms_in_text_colour(page, ".card__type")
    # Only the current section's link is underlined
    underlines = page.evaluate(
        """() => [...document.querySelectorAll('.site-nav a')].map(a => [
            a.hasAttribute('aria-current'), getComputedStyle(a).borderBottomColor])"""
    )
    assert [current for current, colour in underlines if colour != CANVAS] == [True], underlines


def charts_and_map(page):
    text = page.evaluate("() => getComputedStyle(document.body).color")
    page.goto(reverse("practices:job_statistics"))
    fills = page.evaluate(
        """() => [...document.querySelectorAll('.chart__svg text, .chart__svg rect')]
            .map(e => getComputedStyle(e).fill)"""
    )
    assert fills and set(fills) == {text}, set(fills)

    page.goto(reverse("practices:territories"))
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.territory-map__inset-label')]
            .map(e => getComputedStyle(e).fill)"""
    )
    assert labels and set(labels) == {text}, labels
    swatches = page.evaluate(
        """() => [...document.querySelectorAll('.territory-map__swatch')]
            .map(e => getComputedStyle(e).backgroundColor)"""
    )
    assert len(swatches) >= 3 and CANVAS not in swatches, swatches
    assert len(set(swatches)) == len(swatches), swatches


def test_what_the_design_draws_stays_visible_in_forced_colours(demo_site, new_context):
    context = new_context(forced_colors="active", color_scheme="dark")
    page = context.new_page()
    search_page(page)
    listing(page)
    charts_and_map(page)

    # On a phone, the Menu button's pictogram is painted in the button's text colour
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/")
    toggle = page.locator(".site-nav__toggle")
    assert toggle.is_visible()
    paint = toggle.evaluate(
        "b => [getComputedStyle(b, '::before').backgroundColor, getComputedStyle(b).color]"
    )
    assert paint[0] == paint[1] != CANVAS, paint

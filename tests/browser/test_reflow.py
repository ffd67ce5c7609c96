"""Reflow (WCAG 1.4.10) and text spacing (1.4.12): at 320 CSS px wide — what a 1,280 px screen shows
at 400 % zoom — with the text spacing of 1.4.12 applied, no public page scrolls sideways; a data
table too wide for the screen scrolls in its own region, which the keyboard reaches. On paper,
such a table is printed whole.
"""

import pytest
from django.urls import reverse

from .test_page_types import public_page_types

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ZOOMED = {"width": 320, "height": 640}
# WCAG 1.4.12: line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing 0.16em
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
PAPER_WIDTH = 600  # px: an A4 or Letter page less its margins, with a little to spare

SIDEWAYS = """() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow <= 0) return null;
    const outside = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 0.5)
        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
    return `${overflow}px of horizontal scrolling (${outside.slice(0, 4).join(', ')})`;
}"""

TABLES_OUTSIDE_A_REGION = """() => [...document.querySelectorAll('main table')]
    .filter(t => {
        const region = t.closest('.table-scroll');
        return !region || region.getAttribute('role') !== 'region'
            || region.tabIndex !== 0 || !region.getAttribute('aria-labelledby');
    })
    .map(t => t.className || t.id || 'table')"""


def test_no_page_scrolls_sideways_at_320_px_with_wider_text_spacing(demo_site, new_context):
    page = new_context(viewport=ZOOMED).new_page()
    problems = []
    for name, path in public_page_types():
        page.goto(path)
        page.add_style_tag(content=TEXT_SPACING)
        sideways = page.evaluate(SIDEWAYS)
        if sideways:
            problems.append(f"{name} ({path}): {sideways}")
        bare = page.evaluate(TABLES_OUTSIDE_A_REGION)
        if bare:
            problems.append(f"{name}: table(s) outside a focusable scrolling region: {bare}")
    assert problems == [], "\n".join(problems)

    # The open data table, wider than the screen, scrolls in its region, not with the page
    page.goto(reverse("practices:opendata"))
    region = page.locator(".table-scroll").filter(has=page.locator("table"))
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= ZOOMED["width"]
    caption = page.locator("table caption").get_attribute("id")
    assert region.get_attribute("aria-labelledby") == caption

    # On paper nothing scrolls: the table fits the page instead of being cut at its edge
    page.set_viewport_size({"width": PAPER_WIDTH, "height": 900})
    page.emulate_media(media="print")
    assert page.evaluate(SIDEWAYS) is None
    cut = region.evaluate("r => r.scrollWidth - r.clientWidth")
    assert cut <= 0, f"the printed table is cut by {cut}px"


def test_chart_text_keeps_the_size_of_the_page_text_on_a_wide_screen(demo_site, new_context):
    """The job-profile charts are drawn 640 units wide: a wide screen must not blow their labels
    up to half as large again as the text around them."""
    page = new_context(viewport={"width": 1600, "height": 900}).new_page()
    page.goto(reverse("practices:job_statistics"))
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.chart__svg')].map(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const label = svg.querySelector('text');
            return scale * parseFloat(label.getAttribute('font-size'));
        })"""
    )
    body = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert sizes, "no chart on the page"
    assert all(size <= body for size in sizes), (sizes, body)

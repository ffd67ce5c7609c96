"""Focus visible (WCAG 2.4.7): on the search page, with its many facet checkboxes, the focus ring
of every element reached with Tab is shown whole, cut by no box that clips what passes its edges.
"""

import pytest
from django.urls import reverse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The focused element, and how much of its ring (outline beyond offset) its nearest clipping
# ancestor cuts, in px; null once the focus has left the page's main content.
RING_CUT = """() => {
    const element = document.activeElement;
    if (!element || !element.closest('main')) return null;
    const style = getComputedStyle(element);
    const reach = style.outlineStyle === 'none' ? 0
        : parseFloat(style.outlineWidth) + Math.max(parseFloat(style.outlineOffset), 0);
    const box = element.getBoundingClientRect();
    let cut = 0, by = null;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const clip = getComputedStyle(parent);
        if (clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
        const edge = parent.getBoundingClientRect();
        cut = Math.max(edge.left - (box.left - reach), (box.right + reach) - edge.right,
                       edge.top - (box.top - reach), (box.bottom + reach) - edge.bottom, 0);
        by = parent.tagName.toLowerCase() + '.' + parent.className;
        break;
    }
    return {element: element.outerHTML.slice(0, 80), outline: style.outlineStyle, cut, by};
}"""


def test_focus_rings_on_the_search_page_are_not_cut(demo_site, page):
    page.goto(reverse("search:search") + "?q=budget")
    page.locator("main h1").click()  # start from the content, past the header
    problems, checkboxes = [], 0
    for _ in range(150):
        page.keyboard.press("Tab")
        focused = page.evaluate(RING_CUT)
        if focused is None:
            break
        checkboxes += "checkbox" in focused["element"]
        if focused["outline"] == "none" or focused["cut"] > 0.5:
            problems.append(focused)
    assert checkboxes >= 10, "the facets' checkboxes were not reached"
    assert problems == [], "\n".join(map(str, problems))

"""The main menu on a phone: folded behind a "Menu" button (a disclosure), so that the content
comes sooner; on a wide screen, and without JavaScript, its links are shown as they always were.
"""

import pytest

from .conftest import assert_focus_visible, run_axe, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
# Folded at 375 px the header holds the brand (53 px), the search form (46) and one row for the
# Menu button (44) and the log-in link, with three 12 px gaps, 24 px of padding and 7 px of
# borders: 198 px measured. Unfolded, as without JavaScript, the six links of the demo site take
# 200 px more (389 px measured).
FOLDED_HEADER_MAX = 220
ACCENT = "rgb(138, 90, 0)"  # --color-accent, under the current section's link


def header_height(page):
    return page.locator(".site-header").bounding_box()["height"]


def menu(page):
    nav = page.get_by_role("navigation", name="Menu principal")
    return nav, nav.get_by_role("button", name="Menu"), nav.locator("a")


def assert_links_shown(links, shown=True):
    assert links.count() == 6, "five sections of the demo site and the themes"
    for index in range(links.count()):
        assert links.nth(index).is_visible() == shown, links.nth(index).text_content()


def focused_is_the_button(page):
    return page.evaluate("() => document.activeElement.matches('.site-nav__toggle')")


def on_a_phone(page, unfolded_height):
    page.set_viewport_size(PHONE)
    page.goto("/")
    nav, button, links = menu(page)
    height = header_height(page)
    print(f"\nheader at 375 px: {height:.0f} px folded, {unfolded_height:.0f} px without JS")
    assert height < FOLDED_HEADER_MAX
    assert height < unfolded_height - 150
    assert_links_shown(links, False)
    assert button.is_visible()
    assert button.text_content().strip() == "Menu"
    assert button.get_attribute("type") == "button"
    assert button.get_attribute("aria-expanded") == "false"
    controlled = nav.locator("#" + button.get_attribute("aria-controls"))
    assert controlled.evaluate("e => e.tagName") == "UL"
    assert run_axe(page) == []
    screenshot(page, "menu-replie")

    # A click unfolds it; Escape, from one of its links, folds it and returns to the button
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert_links_shown(links)
    assert run_axe(page) == []
    screenshot(page, "menu-deplie")
    links.nth(2).focus()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert_links_shown(links, False)
    assert focused_is_the_button(page)
    assert_focus_visible(page)

    # With the keyboard alone: Enter unfolds it, Tab goes into it, Escape from the button folds it
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.site-nav ul') !== null")
    page.keyboard.press("Shift+Tab")
    assert focused_is_the_button(page)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert focused_is_the_button(page)

    # Neither the button nor the links are printed
    page.emulate_media(media="print")
    assert not nav.is_visible()
    assert not button.is_visible()
    page.emulate_media(media="screen")

    # In a section, unfolded, its link keeps the mark of the current page
    page.goto(links.first.get_attribute("href"))
    nav, button, links = menu(page)
    button.click()
    current = nav.locator("a[aria-current]")
    assert current.count() == 1
    assert current.evaluate("a => getComputedStyle(a).borderBottomColor") == ACCENT


def search_box_widths(page):
    """(width of the header's search box, whether its button's name is shown), the button found
    by its accessible name."""
    box = page.get_by_role("combobox", name="Rechercher dans Praxis")
    button = page.locator(".site-search").get_by_role("button", name="Rechercher")
    return box.bounding_box()["width"], button.locator("span").bounding_box()["width"] > 1


def the_search_box_takes_the_width_on_a_narrow_phone(page):
    """At 320 px the search button shows its pictogram alone: the box gets the room to read
    what is typed (105 px with the button's name)."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    width, name_shown = search_box_widths(page)
    assert width >= 180 and not name_shown
    button = page.locator(".site-search button").bounding_box()
    assert button["width"] >= 44 and button["height"] >= 44
    assert run_axe(page) == []


def on_a_wide_screen(page):
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    _, button, links = menu(page)
    assert not button.is_visible()
    assert_links_shown(links)
    assert search_box_widths(page)[1]  # the button's name is shown
    assert run_axe(page) == []


def test_the_main_menu_folds_behind_a_button_on_a_phone(demo_site, new_context):
    """One corpus load: without JavaScript first (the unfolded height), then with it."""
    without_js = new_context(java_script_enabled=False, viewport=PHONE).new_page()
    without_js.goto("/")
    _, button, links = menu(without_js)
    assert_links_shown(links)
    assert not button.is_visible()
    unfolded_height = header_height(without_js)

    on_a_phone(new_context().new_page(), unfolded_height)
    the_search_box_takes_the_width_on_a_narrow_phone(new_context().new_page())
    on_a_wide_screen(new_context().new_page())

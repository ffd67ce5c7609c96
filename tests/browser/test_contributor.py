"""A contributor proposes an experience: log in → the form (errors tied to their fields) → preview →
submit → its status in « Mes contributions ». Every state of the form passes axe-core, and so does
every page type a signed-in member sees.
"""

import pytest

from .conftest import run_axe, screenshot
from .journeys import fill_experience, log_in
from .test_page_types import signed_in_page_problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Budget participatif des jeunes de Roubaix"


def submit(page, label):
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()


@pytest.mark.slow
def test_contributor_proposes_previews_and_submits_an_experience(demo_site, page):
    log_in(page, "contributeur@praxis.example", next_path="/contribuer/mes-contributions/")
    assert page.locator("main h1").text_content().strip() == "Mes contributions"
    assert run_axe(page) == []

    with page.expect_navigation():
        page.locator("a[href$='/contribuer/experience/nouvelle/']").first.click()
    assert page.locator("main form.contribution-form").count() == 1
    assert run_axe(page) == []

    # Sent empty: an error summary, and each error tied to its field
    submit(page, "Envoyer en relecture")
    summary = page.locator(".form-errors[role=alert]")
    assert summary.is_visible()
    title = page.get_by_role("textbox", name="Titre", exact=False).first
    assert title.get_attribute("aria-invalid") == "true"
    error_id = next(i for i in title.get_attribute("aria-describedby").split() if "erreur" in i)
    assert page.locator(f"#{error_id}").text_content().strip()
    problems = run_axe(page)
    screenshot(page, "contribution-erreurs")
    assert problems == []

    # Filled in, then previewed
    fill_experience(page, TITLE)
    submit(page, "Prévisualiser")
    preview = page.locator(".contribution-preview")
    assert preview.is_visible()
    assert TITLE in preview.text_content()
    problems = run_axe(page)
    screenshot(page, "contribution-apercu")
    assert problems == []

    # Submitted for review: its status is shown
    submit(page, "Envoyer en relecture")
    assert page.url.endswith("/contribuer/mes-contributions/")
    row = page.locator("tr", has_text=TITLE)
    assert row.count() == 1
    assert row.locator(".status").text_content().strip()
    problems = run_axe(page)
    screenshot(page, "mes-contributions-en-relecture")
    page.set_viewport_size({"width": 375, "height": 900})
    screenshot(page, "mes-contributions-en-relecture")
    problems += run_axe(page)
    assert problems == []

    # Every page type a signed-in contributor sees
    problems = signed_in_page_problems(page)
    assert problems == [], "\n".join(problems)

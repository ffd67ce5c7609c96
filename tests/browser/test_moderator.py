"""A moderator reviews a proposal: the queue → request changes → (the contributor resubmits) →
approve → the page is public; then merges two tags. The Wagtail administration is Wagtail's own
interface: it is driven here, not audited with axe (the accessibility statement says so).
"""

import re

import pytest
from django.conf import settings as django_settings
from taggit.models import Tag

from .conftest import run_axe, screenshot
from .journeys import click_and_wait, fill_experience, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Conseil des jeunes de Tourcoing"
COMMENT = "Précisez les publics concernés, s'il vous plaît."


def open_review(page):
    page.goto("/admin/moderation/relecture/")
    row = page.locator("tr", has_text=TITLE)
    assert row.count() == 1, "the proposal is not in the review queue"
    click_and_wait(page, row.get_by_role("link", name=re.compile("^Relire")))


@pytest.fixture
def no_gravatar(settings):
    """Wagtail's admin shows avatars from gravatar.com unless WAGTAIL_GRAVATAR_PROVIDER_URL is
    None: a request to another host, which the guard would block. Until the settings turn it off
    for every environment, the journey turns it off for itself."""
    if getattr(django_settings, "WAGTAIL_GRAVATAR_PROVIDER_URL", "unset") is not None:
        settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None


@pytest.mark.slow
def test_moderator_requests_changes_then_approves_and_merges_tags(
    demo_site, new_context, no_gravatar
):
    contributor, moderator, visitor = new_context(), new_context(), new_context()
    mine = contributor.new_page()
    log_in(mine, "contributeur@praxis.example", next_path="/contribuer/experience/nouvelle/")
    fill_experience(mine, TITLE)
    click_and_wait(mine, mine.get_by_role("button", name="Envoyer en relecture"))

    review = moderator.new_page()
    log_in(review, "moderatrice@praxis.example", next_path="/admin/")

    # Request changes, with a comment
    open_review(review)
    review.locator("footer .w-dropdown__toggle").first.click()
    review.locator("button[data-workflow-action-name=reject]").click()
    review.locator("textarea[name=comment]").fill(COMMENT)
    click_and_wait(review, review.locator("form[action*='/reject/'] button[type=submit]"))

    # The contributor sees the request and its comment, then resubmits
    mine.goto("/contribuer/mes-contributions/")
    row = mine.locator("tr", has_text=TITLE)
    assert COMMENT in row.text_content()
    assert run_axe(mine) == []
    screenshot(mine, "mes-contributions-modifications-demandees")
    click_and_wait(mine, row.get_by_role("link", name="Modifier"))
    mine.locator("[name=publics]").fill("Jeunes de 12 à 25 ans")
    click_and_wait(mine, mine.get_by_role("button", name="Envoyer en relecture"))

    # Approve: the page becomes public. From Wagtail's dashboard ("awaiting your review"): the
    # editor's own Approve button first saves a new revision, which restarts the review
    # (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT), so the page would never be published there.
    review.goto("/admin/")
    row = review.locator("tr", has_text=TITLE).filter(
        has=review.locator("button[data-workflow-action-url]")
    )
    row.get_by_role("button", name="Actions").click()
    click_and_wait(review, row.get_by_role("button", name="Approuver", exact=True))
    mine.goto("/contribuer/mes-contributions/")
    public_link = mine.locator("tr", has_text=TITLE).get_by_role("link", name="Voir la fiche")
    url = public_link.get_attribute("href")
    public = visitor.new_page()
    response = public.goto(url)
    assert response.status == 200
    assert public.locator("main h1").text_content().strip() == TITLE
    assert run_axe(public) == []

    # Merge two tags: the pages of the first now carry the second
    source = Tag.objects.get(name__iexact="jeunesse")
    target = Tag.objects.exclude(pk=source.pk).get(name__iexact="budget participatif")
    review.goto("/admin/moderation/etiquettes/")
    review.get_by_label("Étiquette à fusionner").select_option(str(source.pk))
    review.get_by_label("Étiquette à garder").select_option(str(target.pk))
    click_and_wait(review, review.get_by_role("button", name="Fusionner"))
    # A confirmation page says what the merge does before anything changes.
    assert "sera ensuite supprimée" in review.locator("main").text_content()
    assert Tag.objects.filter(pk=source.pk).exists()
    click_and_wait(review, review.get_by_role("button", name="Fusionner"))
    assert "a été fusionnée" in review.locator(".messages").text_content()
    assert not Tag.objects.filter(pk=source.pk).exists()
    response = public.goto(f"/etiquettes/{source.slug}/")
    assert response.status == 200 and public.url.endswith(f"/etiquettes/{target.slug}/")

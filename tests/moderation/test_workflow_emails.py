"""The e-mails of the review workflow: a contributor gets Praxis's wording and links (the
public edit form, the published sheet), moderators keep Wagtail's."""

import pytest
from django.core import mail

from kb.moderation.workflow import submit_for_review
from practices.models import ExperienceIndexPage, ExperiencePage
from tests.accounts.helpers import approved_user, mails_to

from .helpers import experience, sections
from .test_contribution_path import experience_data, workflow_action

pytestmark = pytest.mark.django_db

PUBLIC = "https://praxis.example.org"


@pytest.fixture
def site(db, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    return sections()


@pytest.fixture
def proposed(site, contributor):
    """A sheet the contributor sent for review from the public form."""
    from django.test import Client

    author = Client()
    author.force_login(contributor)
    author.post("/contribuer/experience/nouvelle/", experience_data())
    mail.outbox.clear()
    return ExperiencePage.objects.get(title="Budget participatif des jeunes")


def test_changes_requested_says_so_quotes_the_comment_and_links_to_the_public_form(
    proposed, contributor, moderator_client
):
    workflow_action(moderator_client, proposed, "reject", "Précisez le nombre de votants.")

    [sent] = mails_to(contributor.email)
    assert sent.subject == (
        "[Praxis] Modifications demandées sur votre fiche « Budget participatif des jeunes »"
    )
    assert "Précisez le nombre de votants." in sent.body
    assert (
        "Modifiez votre fiche, puis renvoyez-la en relecture : "
        f"{PUBLIC}/contribuer/fiche/{proposed.pk}/modifier/"
    ) in sent.body
    assert f"{PUBLIC}/contribuer/mes-contributions/" in sent.body
    assert "rejet" not in sent.body
    assert "/admin/" not in sent.body


def test_approval_says_published_quotes_the_comment_and_links_to_the_sheet(
    proposed, contributor, moderator_client
):
    workflow_action(moderator_client, proposed, "approve", "Merci pour ce retour d'expérience.")

    [sent] = mails_to(contributor.email)
    assert sent.subject == "[Praxis] Votre fiche « Budget participatif des jeunes » est publiée"
    assert "Merci pour ce retour d'expérience." in sent.body
    assert (
        f"Voir la fiche publiée : {PUBLIC}/experiences/budget-participatif-des-jeunes/"
    ) in sent.body
    assert "/admin/" not in sent.body


def test_the_html_alternative_has_the_same_links(proposed, contributor, moderator_client, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    workflow_action(moderator_client, proposed, "reject", "Ajoutez <le bilan>.")

    [sent] = mails_to(contributor.email)
    html, mime = sent.alternatives[0]
    assert mime == "text/html"
    assert f'href="{PUBLIC}/contribuer/fiche/{proposed.pk}/modifier/"' in html
    assert "Ajoutez &lt;le bilan&gt;." in html


def test_a_moderator_who_asked_for_review_keeps_wagtails_email(
    site, django_user_model, moderator_client
):
    author = approved_user(django_user_model, "autrice", "Membres", "Modérateurs")
    page = experience(site[ExperienceIndexPage], owner=author, publish=False)
    page.save_revision(user=author)
    submit_for_review(page, author)
    mail.outbox.clear()

    workflow_action(moderator_client, page, "reject", "Relis-toi.")

    [sent] = mails_to(author.email)
    assert f"/admin/pages/{page.pk}/edit/" in sent.body
    assert "Relis-toi." in sent.body


@pytest.mark.parametrize("use_html", [False, True])
def test_a_contributor_is_greeted_by_first_name_or_plainly_never_by_username(
    proposed, contributor, moderator_client, settings, use_html
):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = use_html
    workflow_action(moderator_client, proposed, "reject", "Précisez le nombre de votants.")
    [named] = mails_to(contributor.email)
    assert named.body.startswith("Bonjour Contributrice,")

    contributor.first_name = ""
    contributor.save()
    mail.outbox.clear()
    proposed.refresh_from_db()
    submit_for_review(proposed.get_latest_revision_as_object(), contributor)
    workflow_action(moderator_client, proposed, "reject", "Ajoutez le bilan.")
    [unnamed] = mails_to(contributor.email)
    assert unnamed.body.startswith("Bonjour,\n")
    assert "contributrice" not in unnamed.body.split("\n", 1)[0]
    if use_html:
        [(html, _mime)] = unnamed.alternatives
        assert "<p>Bonjour,</p>" in html

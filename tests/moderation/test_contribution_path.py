"""Contribute → submit → changes requested → resubmit → approved → public."""

import pytest
from django.core import mail
from wagtail.models import Page, WorkflowState

from practices.models import ExperienceIndexPage, ExperiencePage
from tests.accounts.helpers import approved_user, mails_to, text

from .helpers import sections, theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return sections()


@pytest.fixture
def moderator(django_user_model):
    return approved_user(django_user_model, "moderateur", "Membres", "Modérateurs")


def experience_data(**changes):
    data = {
        "title": "Budget participatif des jeunes",
        "summary": "Les jeunes de Roubaix décident de 100 000 euros par an.",
        "organisation": "Ville de Roubaix",
        "authority_type": "commune",
        "region": "hauts-de-france",
        "department": "59",
        "start_year": "2016",
        "end_year": "",
        "publics": "Jeunes de 12 à 25 ans",
        "methods": ["participatory_budget"],
        "level": "co_decision",
        "section_context": "<p>Une ville <strong>jeune</strong>.</p>",
        "section_difficulties": "Mobiliser hors des structures.\n\nTenir les délais.",
        "tags": "budget participatif, jeunesse",
        "revision_id": "",
        "action": "submit",
    }
    data.update(changes)
    return data


def workflow_action(client, page, action, comment=""):
    state = page.current_workflow_state
    task_state = state.current_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


def test_the_whole_path_from_proposal_to_publication(client, site, contributor, moderator):
    budget = theme()
    client.force_login(contributor)

    form = client.get("/contribuer/experience/nouvelle/")
    assert form.status_code == 200
    html = text(form)
    assert "<h1>Proposer une fiche d'expérience</h1>" in html
    assert "<legend>Qui, où, quand</legend>" in html
    assert "Envoyer en relecture" in html

    # Submit for review: a draft revision, the "Relecture" workflow started.
    mail.outbox.clear()
    response = client.post("/contribuer/experience/nouvelle/", experience_data(themes=[budget.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/contribuer/mes-contributions/"
    page = ExperiencePage.objects.get(title="Budget participatif des jeunes")
    assert page.owner == contributor
    assert not page.live
    assert page.get_parent().specific_class is ExperienceIndexPage
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_state.workflow.name == "Relecture"
    draft = page.get_latest_revision_as_object()
    assert [t.name for t in draft.tags.all()] == ["budget participatif", "jeunesse"]
    assert list(draft.themes.all()) == [budget]
    # Moderators are told by Wagtail's notifications.
    assert mails_to(moderator.email)

    # Nothing public yet.
    anonymous = client.__class__()
    assert anonymous.get("/experiences/budget-participatif-des-jeunes/").status_code == 404
    assert "Budget participatif des jeunes" not in text(anonymous.get("/experiences/"))

    mine = text(client.get("/contribuer/mes-contributions/"))
    assert "Budget participatif des jeunes" in mine
    assert "En relecture" in mine
    # While in review, the contributor cannot edit.
    assert client.get(f"/contribuer/fiche/{page.pk}/modifier/").status_code == 409

    # The moderator requests changes with a comment, e-mailed to the contributor.
    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    mail.outbox.clear()
    response = workflow_action(
        moderator_client, page, "reject", "Précisez le montant et le nombre de votants."
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    sent = mails_to(contributor.email)
    assert sent and "Précisez le montant et le nombre de votants." in sent[0].body

    mine = text(client.get("/contribuer/mes-contributions/"))
    assert "Modifications demandées" in mine
    assert "Précisez le montant et le nombre de votants." in mine

    # The contributor edits and resubmits.
    edit_url = f"/contribuer/fiche/{page.pk}/modifier/"
    form = client.get(edit_url)
    assert form.status_code == 200
    assert "Ville de Roubaix" in text(form)
    assert form.context["form"]["revision_id"].value() == page.latest_revision_id
    response = client.post(
        edit_url,
        experience_data(
            summary="Les jeunes de Roubaix décident de 100 000 euros par an ; 2 000 votants.",
            revision_id=str(page.latest_revision_id),
            themes=[budget.pk],
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "En relecture" in text(client.get("/contribuer/mes-contributions/"))

    # The moderator approves: the page is published.
    response = workflow_action(moderator_client, page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    public = anonymous.get(page.url)
    assert public.status_code == 200
    html = text(public)
    assert "2 000 votants" in html
    assert "<strong>jeune</strong>" in html
    assert "Tenir les délais." in html
    assert "Budget participatif des jeunes" in text(anonymous.get("/experiences/"))
    assert "Publiée" in text(client.get("/contribuer/mes-contributions/"))


def test_save_draft_then_find_it_in_my_contributions(client, site, contributor):
    client.force_login(contributor)
    response = client.post("/contribuer/experience/nouvelle/", experience_data(action="draft"))
    page = ExperiencePage.objects.get()
    assert response["Location"] == f"/contribuer/fiche/{page.pk}/modifier/"
    assert page.current_workflow_state is None
    assert not page.live
    mine = text(client.get("/contribuer/mes-contributions/"))
    assert "Brouillon" in mine


def test_preview_shows_the_sheet_and_saves_nothing(client, site, contributor):
    client.force_login(contributor)
    pages_before = Page.objects.count()
    response = client.post("/contribuer/experience/nouvelle/", experience_data(action="preview"))
    assert response.status_code == 200
    html = text(response)
    assert "Aperçu (non enregistré)" in html
    assert "Fiche d'expérience" in html
    assert "<strong>jeune</strong>" in html
    assert Page.objects.count() == pages_before


def test_a_contributor_edits_their_published_sheet_and_the_new_version_goes_to_review(
    client, site, contributor
):
    from .helpers import experience

    page = experience(site[ExperienceIndexPage], owner=contributor)
    client.force_login(contributor)
    edit_url = f"/contribuer/fiche/{page.pk}/modifier/"
    form = client.get(edit_url)
    revision_id = form.context["form"]["revision_id"].value()
    response = client.post(
        edit_url,
        experience_data(title="Budget participatif de Lille (bilan)", revision_id=str(revision_id)),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.title == "Budget participatif de Lille"  # the live version is unchanged
    assert page.has_unpublished_changes
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_review_queue_links_to_what_changed(client, site, contributor, moderator):
    from .helpers import experience

    page = experience(site[ExperienceIndexPage], owner=contributor)
    client.force_login(contributor)
    edit_url = f"/contribuer/fiche/{page.pk}/modifier/"
    revision_id = client.get(edit_url).context["form"]["revision_id"].value()
    client.post(
        edit_url,
        experience_data(
            title="Budget participatif de Lille",
            summary="Bilan : 3 000 votants.",
            revision_id=str(revision_id),
        ),
    )
    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    queue = moderator_client.get("/admin/moderation/relecture/")
    assert queue.status_code == 200
    html = text(queue)
    assert "Budget participatif de Lille" in html
    assert "Différences avec la version publiée" in html
    assert "Champs modifiés :" in html
    assert "résumé" in queue.context["rows"][0]["changed_fields"]
    assert "titre" not in queue.context["rows"][0]["changed_fields"]
    compare_url = queue.context["rows"][0]["compare_url"]
    assert "/revisions/compare/live..." in compare_url
    diff = moderator_client.get(compare_url)
    assert diff.status_code == 200
    assert "Bilan : 3 000 votants." in text(diff)


def test_attachments_stay_private_until_publication(client, site, contributor, moderator):
    from .files import pdf

    client.force_login(contributor)
    client.post(
        "/contribuer/experience/nouvelle/",
        {**experience_data(), "attachments": [pdf("bilan-secret.pdf")]},
    )
    page = ExperiencePage.objects.get()
    draft = page.get_latest_revision_as_object()
    (document,) = [
        item["document"]
        for block in draft.body
        if block.block_type == "documents"
        for item in block.value["items"]
    ]
    anonymous = client.__class__()
    response = anonymous.get(document.url)
    assert response.status_code == 302
    assert "/comptes/login/" in response["Location"]
    assert client.get(document.url).status_code == 302  # not even other members

    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    assert moderator_client.get(document.url).status_code == 200
    workflow_action(moderator_client, page, "approve")
    assert anonymous.get(document.url).status_code == 200
    assert "bilan-secret" in text(anonymous.get(ExperiencePage.objects.get().url))


def test_resource_persons_from_the_form_with_contacts_for_members_only(
    client, site, contributor, moderator, django_user_model
):
    client.force_login(contributor)
    data = experience_data(
        person_0_name="Camille Martin",
        person_0_role="Chargée de participation",
        person_0_email="camille.martin@example.org",
        person_1_name="",
        person_1_email="orphelin@example.org",
    )
    response = client.post("/contribuer/experience/nouvelle/", data)
    assert response.status_code == 200
    assert "Indiquez le nom de la personne ressource." in text(response)
    assert not ExperiencePage.objects.exists()

    data["person_1_email"] = ""
    client.post("/contribuer/experience/nouvelle/", data)
    page = ExperiencePage.objects.get()
    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    workflow_action(moderator_client, page, "approve")
    page = ExperiencePage.objects.get()
    anonymous = client.__class__()
    public = text(anonymous.get(page.url))
    assert "Camille Martin" in public
    assert "camille.martin@example.org" not in public
    assert "camille.martin@example.org" in text(client.get(page.url))

    # Editing keeps the people (shown back in the form).
    form = client.get(f"/contribuer/fiche/{page.pk}/modifier/")
    assert form.context["form"]["person_0_email"].value() == "camille.martin@example.org"


def test_review_queue_shows_the_sheet_s_completeness_and_attachments(
    client, site, contributor, moderator
):
    from .files import pdf

    client.force_login(contributor)
    client.post(
        "/contribuer/experience/nouvelle/",
        {**experience_data(department=""), "attachments": [pdf("bilan-2016.pdf")]},
    )
    page = ExperiencePage.objects.get()
    (document,) = [
        item["document"]
        for block in page.get_latest_revision_as_object().body
        if block.block_type == "documents"
        for item in block.value["items"]
    ]
    moderator_client = client.__class__()
    moderator_client.force_login(moderator)

    queue = moderator_client.get("/admin/moderation/relecture/")

    html = text(queue)
    assert '<th scope="col">Complétude</th>' in html
    assert '<th scope="col">Pièces jointes</th>' in html
    row = html[html.find("Budget participatif des jeunes") :]
    assert "Fiche d'expérience" in row.split("</td>")[0]  # the type under the title
    missing = row.split("Il manque :")[1].split("</small>")[0]
    assert "département" in missing
    assert "résumé" not in missing
    assert "bilan-2016.pdf" in row or document.title in row
    assert f'href="{document.url}"' in queue.content.decode()

"""Bad input gets a clear French message and saves nothing half-way."""

import uuid
from pathlib import Path
from unittest import mock

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, WorkflowPage

from practices.models import CharterPage, ExperienceIndexPage, ExperiencePage, JobDescriptionPage
from tests.accounts.helpers import approved_user, text

from .files import docx, exe_renamed, odt, pdf
from .helpers import experience, sections
from .test_contribution_path import experience_data

pytestmark = pytest.mark.django_db

NEW = "/contribuer/experience/nouvelle/"
JOB = "/contribuer/fiche-de-poste/nouvelle/"


@pytest.fixture
def site(db):
    return sections()


@pytest.fixture
def logged_in(client, contributor):
    client.force_login(contributor)
    return client


def nothing_saved():
    return not ExperiencePage.objects.exists() and not get_document_model().objects.exists()


def stored_files(settings):
    """The names of the files in MEDIA_ROOT."""
    return sorted(path.name for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def test_oversized_upload_is_refused(logged_in, site, settings):
    settings.PRAXIS_ATTACHMENT_MAX_SIZE = 1024
    response = logged_in.post(NEW, {**experience_data(), "attachments": [pdf(size=4096)]})
    assert response.status_code == 200
    html = text(response)
    assert "« compte-rendu.pdf » est trop volumineux" in html
    assert 'id="id_attachments_erreurs"' in html
    assert nothing_saved()


def test_executable_renamed_pdf_is_refused(logged_in, site):
    response = logged_in.post(NEW, {**experience_data(), "attachments": [exe_renamed()]})
    assert response.status_code == 200
    assert "n'est pas un vrai fichier PDF" in text(response)
    assert nothing_saved()


def test_other_extensions_are_refused(logged_in, site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("script.sh", b"#!/bin/sh\necho hi\n")
    response = logged_in.post(NEW, {**experience_data(), "attachments": [upload]})
    assert "seuls les fichiers PDF, ODT et DOCX sont acceptés" in text(response)
    assert nothing_saved()


def test_one_bad_file_among_good_ones_saves_nothing(logged_in, site):
    response = logged_in.post(
        NEW, {**experience_data(), "attachments": [pdf(), docx(), exe_renamed("x.docx")]}
    )
    assert response.status_code == 200
    assert nothing_saved()


def test_good_attachments_become_documents_of_the_sheet(logged_in, site):
    response = logged_in.post(
        NEW, {**experience_data(action="draft"), "attachments": [pdf(), docx(), odt()]}
    )
    assert response.status_code == 302
    page = ExperiencePage.objects.get().get_latest_revision_as_object()
    documents = [
        item["document"].title
        for block in page.body
        if block.block_type == "documents"
        for item in block.value["items"]
    ]
    assert documents == ["compte-rendu", "bilan", "charte"]


def test_scripts_and_event_handlers_are_stripped_from_rich_text(logged_in, site):
    dirty = (
        '<p onclick="steal()">Bonjour <strong onmouseover="x()">tous</strong>'
        "<script>alert('xss')</script>"
        '<a href="javascript:alert(1)">piège</a> <a href="https://example.org">lien</a>'
        '<img src="x" onerror="alert(2)"><iframe src="https://evil.example"></iframe></p>'
    )
    logged_in.post(NEW, experience_data(section_context=dirty, action="submit"))
    page = ExperiencePage.objects.get()
    body = page.get_latest_revision_as_object().body
    stored = "".join(b.value["text"].source for b in body if b.block_type == "section")
    for bad in ("onclick", "onmouseover", "script", "alert", "javascript:", "onerror", "iframe"):
        assert bad not in stored
    assert "<strong>tous</strong>" in stored
    assert 'href="https://example.org"' in stored


def test_missing_required_fields_name_them_and_save_nothing(logged_in, site):
    response = logged_in.post(NEW, experience_data(title="", organisation="", start_year="1800"))
    assert response.status_code == 200
    html = text(response)
    assert 'id="id_title_erreurs"' in html
    assert 'aria-describedby="id_organisation_erreurs"' in html
    assert '<a href="#id_organisation">Structure porteuse</a>' in html  # the error summary
    assert "1945" in html  # the year validator's message
    assert nothing_saved()


def test_end_year_before_start_year(logged_in, site):
    response = logged_in.post(NEW, experience_data(start_year="2016", end_year="2010"))
    assert "L'année de fin doit être égale ou postérieure" in text(response)
    assert nothing_saved()


def test_bad_department_code(logged_in, site):
    response = logged_in.post(NEW, experience_data(department="99"))
    assert "numéro de département" in text(response)
    assert nothing_saved()


def test_stale_form_is_not_silently_saved_and_keeps_what_was_typed(
    logged_in, site, contributor, django_user_model
):
    page = experience(site[ExperienceIndexPage], owner=contributor)
    url = f"/contribuer/fiche/{page.pk}/modifier/"
    stale_revision = logged_in.get(url).context["form"]["revision_id"].value()
    # A moderator saves a new revision in the admin meanwhile.
    moderator = django_user_model.objects.create_user(
        "moderatrice", "moderatrice@example.org", first_name="Nadia", last_name="Bellami"
    )
    page.get_latest_revision_as_object().save_revision(user=moderator)
    revisions = Revision.objects.count()
    response = logged_in.post(
        url, experience_data(title="Écrase tout", revision_id=str(stale_revision))
    )
    assert response.status_code == 200
    shown = text(response)
    assert "Nadia Bellami a modifié cette fiche le" in shown
    assert "rien n'a été enregistré" in shown
    assert "Ouvrir la version actuelle" in shown
    assert Revision.objects.count() == revisions
    page.refresh_from_db()
    assert page.draft_title != "Écrase tout"
    assert page.current_workflow_state is None
    # What the contributor typed is still in the form, now based on the moderator's version:
    # sending it again replaces that version, knowingly.
    form = response.context["form"]
    assert form["title"].value() == "Écrase tout"
    assert form["revision_id"].value() == str(page.latest_revision_id)
    again = logged_in.post(
        url, experience_data(title="Écrase tout", revision_id=form["revision_id"].value())
    )
    assert again.status_code == 302
    page.refresh_from_db()
    assert page.draft_title == "Écrase tout"


def test_someone_elses_page_cannot_be_edited_or_resubmitted(logged_in, site, django_user_model):
    other = approved_user(django_user_model, "autre", "Membres", "Contributeurs")
    page = experience(site[ExperienceIndexPage], owner=other)
    url = f"/contribuer/fiche/{page.pk}/modifier/"
    assert logged_in.get(url).status_code == 403
    revisions = Revision.objects.count()
    response = logged_in.post(
        url, experience_data(revision_id=str(page.latest_revision_id), action="submit")
    )
    assert response.status_code == 403
    assert "Vous ne pouvez modifier que les fiches que vous avez proposées." in text(response)
    assert Revision.objects.count() == revisions
    assert page.current_workflow_state is None


def test_unknown_page_type_or_missing_page(logged_in, site):
    assert logged_in.get("/contribuer/evenement/nouvelle/").status_code == 404
    assert logged_in.get("/contribuer/fiche/999999/modifier/").status_code == 404
    home_id = Page.objects.get(depth=2).pk
    assert logged_in.get(f"/contribuer/fiche/{home_id}/modifier/").status_code == 404


def job_data(**changes):
    data = {
        "title": "Chargé(e) de participation citoyenne",
        "summary": "Anime les instances de quartier.",
        "job_title": "Chargé(e) de participation citoyenne",
        "employer": "Ville de Grenoble",
        "authority_type": "commune",
        "region": "auvergne-rhone-alpes",
        "date": "2024-03-01",
        "status": "open",
        "category": "A",
        "sector": "administrative",
        "missions": "Animer les conseils citoyens\nAccompagner les services",
        "tags": "métier",
        "action": "draft",
    }
    data.update(changes)
    return data


def test_job_description_and_charter_share_the_form(logged_in, site):
    response = logged_in.post(JOB, {**job_data(), "attachments": pdf("fiche.pdf")})
    assert response.status_code == 302, text(response)
    job = JobDescriptionPage.objects.get().get_latest_revision_as_object()
    assert job.document.title == "fiche"
    response = logged_in.post(
        "/contribuer/charte/nouvelle/",
        {
            "title": "Charte de la participation de Nantes",
            "summary": "Les engagements de la ville.",
            "kind": "reference_document",
            "drawn_up_by": ["elected", "citizens"],
            "serves_as": ["reference"],
            "section_context": "Adoptée après un an de travail.",
            "action": "submit",
        },
    )
    assert response.status_code == 302, text(response)
    charter = CharterPage.objects.get()
    assert charter.current_workflow_state is not None
    assert charter.get_latest_revision_as_object().drawn_up_by == ["elected", "citizens"]


def test_a_single_tag_with_spaces_stays_one_tag(logged_in, site):
    logged_in.post(NEW, experience_data(tags="budget participatif", action="draft"))
    page = ExperiencePage.objects.get().get_latest_revision_as_object()
    assert [t.name for t in page.tags.all()] == ["budget participatif"]


def test_a_page_locked_by_a_moderator_cannot_be_edited(
    logged_in, site, contributor, django_user_model
):
    moderator = approved_user(django_user_model, "moderateur", "Modérateurs")
    page = experience(site[ExperienceIndexPage], owner=contributor)
    page.locked, page.locked_by = True, moderator
    page.save()
    url = f"/contribuer/fiche/{page.pk}/modifier/"
    response = logged_in.post(
        url, experience_data(revision_id=str(page.latest_revision_id), title="Malgré le verrou")
    )
    assert response.status_code == 409
    assert "verrouillée par un modérateur" in text(response)
    page.refresh_from_db()
    assert page.draft_title != "Malgré le verrou"


def test_my_contributions_with_a_page_without_revision(logged_in, site, contributor):
    experience(
        site[ExperienceIndexPage],
        title="Sans révision",
        slug="sans",
        owner=contributor,
        publish=False,
    )
    experience(site[ExperienceIndexPage], title="Avec révision", slug="avec", owner=contributor)
    response = logged_in.get("/contribuer/mes-contributions/")
    assert response.status_code == 200
    html = text(response)
    assert html.index("Avec révision") < html.index("Sans révision")


def test_editing_a_sheet_tells_which_files_it_already_has(logged_in, site):
    logged_in.post(NEW, {**experience_data(action="draft"), "attachments": [pdf("bilan.pdf")]})
    page = ExperiencePage.objects.get()
    html = text(logged_in.get(f"/contribuer/fiche/{page.pk}/modifier/"))
    assert "Déjà jointes : bilan. Les fichiers choisis ici s'y ajoutent." in html

    logged_in.post(JOB, {**job_data(), "attachments": pdf("fiche.pdf")})
    job = JobDescriptionPage.objects.get()
    html = text(logged_in.get(f"/contribuer/fiche/{job.pk}/modifier/"))
    assert "Fichier actuel : fiche. En choisir un autre le remplace." in html


def test_files_chosen_before_an_error_are_asked_for_again(logged_in, site):
    response = logged_in.post(NEW, {**experience_data(title=""), "attachments": [pdf()]})
    assert response.status_code == 200
    summary = text(response).split('id="erreurs-formulaire"')[1].split("</div>")[0]
    assert (
        '<a href="#id_attachments">Pièces jointes</a> : Les fichiers que vous aviez choisis '
        "(compte-rendu.pdf) n'ont pas été enregistrés : choisissez-les à nouveau."
    ) in summary
    assert nothing_saved()


def test_a_proposal_sent_twice_creates_one_sheet(logged_in, site):
    """A double click on "Send for review" (or the form sent again) saves the sheet once."""
    token = logged_in.get(NEW).context["form"]["proposal_token"].value()
    data = experience_data(proposal_token=str(token))
    assert logged_in.post(NEW, data).status_code == 302
    again = logged_in.post(NEW, data, follow=True)
    assert again.redirect_chain[-1][0] == "/contribuer/mes-contributions/"
    assert (
        "Ce formulaire avait déjà été envoyé : la fiche « Budget participatif des jeunes » n'a "
        "été enregistrée qu'une fois."
    ) in text(again)
    page = ExperiencePage.objects.get()
    assert page.current_workflow_state is not None
    # A new form is a new proposal.
    other = logged_in.get(NEW).context["form"]["proposal_token"].value()
    assert other != token
    logged_in.post(NEW, experience_data(proposal_token=str(other), title="Une autre fiche"))
    assert ExperiencePage.objects.count() == 2


def test_two_sendings_at_the_same_moment_create_one_sheet(logged_in, site):
    """Both sendings find no page yet; the unique token keeps only the first one's."""
    from kb.moderation.forms import ContributionForm

    data = experience_data(proposal_token=str(uuid.uuid4()), action="draft")
    with mock.patch.object(ContributionForm, "claim_proposal_token"):
        logged_in.post(NEW, data)
        again = logged_in.post(NEW, data)
    assert again["Location"] == "/contribuer/mes-contributions/"
    assert ExperiencePage.objects.count() == 1
    assert Revision.objects.filter(object_id=str(ExperiencePage.objects.get().pk)).count() == 1


def test_a_sheet_that_cannot_be_sent_for_review_leaves_no_file_behind(logged_in, site, settings):
    """Sending for review fails after the attachments were stored: the sheet, its documents and
    their files are all gone."""
    WorkflowPage.objects.all().delete()
    data = {**experience_data(), "attachments": [pdf("bilan.pdf"), docx("annexe.docx")]}
    response = logged_in.post(NEW, data)
    assert "Aucun circuit de relecture" in text(response)
    assert nothing_saved()
    assert stored_files(settings) == []


def test_the_second_of_two_sendings_at_the_same_moment_leaves_no_file_behind(
    logged_in, site, settings
):
    """The second sending stores its attachment, then finds the first one's sheet and saves
    nothing: only the first sending's file stays."""
    from kb.moderation.forms import ContributionForm

    data = experience_data(proposal_token=str(uuid.uuid4()), action="draft")
    with mock.patch.object(ContributionForm, "claim_proposal_token"):
        logged_in.post(NEW, {**data, "attachments": [pdf("bilan.pdf")]})
        again = logged_in.post(NEW, {**data, "attachments": [pdf("bilan.pdf")]})
    assert again["Location"] == "/contribuer/mes-contributions/"
    (document,) = get_document_model().objects.all()
    assert stored_files(settings) == [Path(document.file.name).name]


@pytest.mark.parametrize(
    "action", ["delete", "move", "publish", "unpublish", "praxis_classification"]
)
def test_a_bulk_action_on_made_up_page_ids_is_not_found(moderator_client, site, action):
    sheet = experience(site[ExperienceIndexPage], "Fiche existante")
    url = f"/admin/bulk/wagtailcore/page/{action}/"
    assert moderator_client.get(url, {"id": "abc"}).status_code == 404
    mixed = moderator_client.get(url, {"id": ["abc", sheet.pk]})
    assert mixed.status_code == 200 and "Fiche existante" in text(mixed)

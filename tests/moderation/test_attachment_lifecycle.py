"""A contribution's files are public exactly while a published page uses them: a replaced or
removed file, or the files of an unpublished page, are withdrawn to a moderators-only
collection (not deleted), unless another page uses them."""

import pytest
from django.test import Client
from wagtail.documents import get_document_model

from practices.models import JobDescriptionPage

from .files import pdf
from .helpers import sections
from .test_bad_input import JOB, job_data
from .test_contribution_path import workflow_action

pytestmark = pytest.mark.django_db


def downloads(client, document):
    """Whether ``client`` gets the file (anonymous people are sent to log in otherwise)."""
    return client.get(document.url).status_code == 200


@pytest.fixture
def published_job(db, contributor, moderator_client):
    sections()
    author = Client()
    author.force_login(contributor)
    author.post(JOB, {**job_data(action="submit"), "attachments": pdf("fiche-2014.pdf")})
    page = JobDescriptionPage.objects.get()
    workflow_action(moderator_client, page, "approve")
    page.refresh_from_db()
    return page, author


def replace_the_file(page, author, moderator_client, name):
    edit = f"/contribuer/fiche/{page.pk}/modifier/"
    revision_id = author.get(edit).context["form"]["revision_id"].value()
    response = author.post(
        edit,
        {**job_data(action="submit", revision_id=str(revision_id)), "attachments": pdf(name)},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    workflow_action(moderator_client, page, "approve")
    page.refresh_from_db()
    return page.document


def test_a_replaced_file_is_withdrawn_once_the_new_version_is_published(
    published_job, moderator_client
):
    page, author = published_job
    old = page.document
    anonymous = Client()
    assert downloads(anonymous, old)

    new = replace_the_file(page, author, moderator_client, "fiche-2015.pdf")
    assert new.pk != old.pk
    assert downloads(anonymous, new)
    assert not downloads(anonymous, old)
    assert downloads(moderator_client, old)  # kept for the moderators, who may restore it
    old.refresh_from_db()
    assert old.collection.name == "Pièces jointes retirées"


def test_a_replaced_file_another_page_uses_stays_public(published_job, moderator_client):
    page, author = published_job
    old = page.document
    other = JobDescriptionPage.objects.get().copy(
        update_attrs={"title": "Copie", "slug": "copie"}, keep_live=True
    )
    assert other.document_id == old.pk

    replace_the_file(page, author, moderator_client, "fiche-2015.pdf")
    assert downloads(Client(), old)


def test_unpublishing_a_page_withdraws_its_files_and_republishing_restores_them(published_job):
    page, _author = published_job
    document = page.document
    page.unpublish()
    assert not downloads(Client(), document)
    assert get_document_model().objects.filter(pk=document.pk).exists()
    page.get_latest_revision().publish()
    assert downloads(Client(), document)


def test_deleting_a_published_page_withdraws_its_files(published_job):
    page, _author = published_job
    document = page.document
    page.delete()
    assert not downloads(Client(), document)
    assert get_document_model().objects.filter(pk=document.pk).exists()

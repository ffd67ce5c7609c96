"""The editor's preview: Wagtail renders the public template of a page with what the form holds,
for a page being edited and for one that is not in the database yet."""

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from practices.models import ExperiencePage, WorkshopOutcomePage, practice_page_models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_corpus")]


@pytest.fixture
def moderator_client(client, make_user):
    client.force_login(make_user("maud", "Modérateurs"))
    return client


def _form_like(client, page, **changes):
    """The editor's form of ``page`` as a browser posts it, with ``changes`` (StreamFields, which
    JavaScript renders, are sent empty)."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(nested_form_data({field.name: streamfield([])}))
    data.update(changes)
    return data


@pytest.mark.parametrize("model", practice_page_models(), ids=lambda model: model.__name__)
def test_the_preview_of_a_new_page_shows_it_with_the_address_it_will_have(moderator_client, model):
    existing = model.objects.live().first()
    parent = existing.get_parent()
    data = _form_like(
        moderator_client, existing, title="Page en préparation", slug="en-preparation"
    )
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )
    assert moderator_client.post(url, data).json() == {"is_valid": True, "is_available": True}

    response = moderator_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Page en préparation</h1>" in html
    future = f"{parent.full_url}en-preparation/"
    assert f'<link rel="canonical" href="{future}">' in html
    assert f"À retrouver en ligne : {future}" in html
    assert not model.objects.filter(slug="en-preparation").exists()


@pytest.mark.parametrize("model", practice_page_models(), ids=lambda model: model.__name__)
def test_the_preview_of_an_edit_shows_the_changes_and_saves_nothing(moderator_client, model):
    page = model.objects.live().first()
    data = _form_like(moderator_client, page, title="Titre en cours de révision")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert moderator_client.post(url, data).json()["is_valid"]

    response = moderator_client.get(url)

    assert response.status_code == 200
    assert "<h1>Titre en cours de révision</h1>" in response.content.decode()
    assert model.objects.get(pk=page.pk).title == page.title


def test_the_preview_of_a_workshop_lists_the_experiences_chosen_in_the_form(moderator_client):
    workshop = WorkshopOutcomePage.objects.live().filter(experiences__isnull=False).first()
    presented = list(workshop.experiences.all())
    other = ExperiencePage.objects.live().exclude(pk__in=[e.pk for e in presented]).first()
    data = _form_like(moderator_client, workshop)
    data.setlist("experiences", [str(other.pk)])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[workshop.pk])
    assert moderator_client.post(url, data).json()["is_valid"]

    html = moderator_client.get(url).content.decode()

    assert other.title in html
    assert not any(experience.title in html for experience in presented)

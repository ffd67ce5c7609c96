"""Bad input in the Wagtail editor: a clear French error and nothing saved."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from practices.models import ExperienceIndexPage, ExperiencePage

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Marche exploratoire à Testville",
    "slug": "marche-exploratoire-testville",
    "summary": "Des habitantes ont parcouru leur quartier avec les services.",
    "organisation": "Ville de Testville",
    "authority_type": "commune",
    "region": "bretagne",
    "start_year": "2015",
}


@pytest.fixture
def moderator_client(client, make_user):
    client.force_login(make_user("maud", "Modérateurs"))
    return client


def _editor_form(client, url):
    """The editor's form as posted by a browser (StreamFields are rendered by JavaScript)."""
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    return data


def _create(client, sections, **changes):
    index = sections[ExperienceIndexPage]
    url = reverse("wagtailadmin_pages:add", args=("practices", "experiencepage", index.pk))
    data = _editor_form(client, url)
    data.update(VALID)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return client.post(url, data)


def test_valid_experience_is_created_as_a_draft(moderator_client, sections):
    response = _create(moderator_client, sections)
    assert response.status_code == 302
    page = ExperiencePage.objects.get(slug=VALID["slug"])
    assert page.organisation == "Ville de Testville" and not page.live


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start_year": "2016", "end_year": "2012"}, "L&#x27;année de fin doit être égale"),
        ({"organisation": ""}, "Champ requis"),
        ({"region": "atlantide"}, "Sélectionnez un choix valide"),
        ({"department": "999"}, "Indiquez un numéro de département"),
    ],
)
def test_bad_input_shows_a_form_error_and_saves_nothing(
    moderator_client, sections, changes, message
):
    before = ExperiencePage.objects.count()
    response = _create(moderator_client, sections, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ExperiencePage.objects.count() == before


def test_contributor_asking_to_publish_gets_no_publication(client, make_user, make_experience):
    contributor = make_user("camille", "Contributeurs")
    page = make_experience(publish=False, owner=contributor)
    client.force_login(contributor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = _editor_form(client, url)
    data["action-publish"] = "action-publish"
    client.post(url, data)
    page.refresh_from_db()
    assert not page.live
    assert not ExperiencePage.objects.live().filter(pk=page.pk).exists()


@pytest.mark.parametrize(
    ("model", "labels"),
    [
        ("experiencepage", ["Méthodes de participation"]),
        ("charterpage", ["Élaborée par", "Sert de"]),
    ],
)
def test_checkbox_lists_are_labelled_like_the_other_fields(
    moderator_client, sections, model, labels
):
    """The editor's lists of checkboxes (participation methods, who drew up a charter…) start with
    a capital letter, as every other label of the form does."""
    from practices.models import CharterIndexPage

    index = sections[ExperienceIndexPage if model == "experiencepage" else CharterIndexPage]
    url = reverse("wagtailadmin_pages:add", args=("practices", model, index.pk))
    html = moderator_client.get(url).content.decode()
    for label in labels:
        assert label in html, label
        assert label[0].lower() + label[1:] not in html, label

"""The search index follows contributions' publication, unpublication and tag merges."""

import json

import pytest
from django.test import Client
from taggit.models import Tag

from kb.moderation.curation import merge_tags
from practices.models import ExperienceIndexPage
from tests.accounts.helpers import approved_user

from .helpers import experience, sections

pytestmark = pytest.mark.django_db


def search(q):
    response = Client().get("/api/search/", {"q": q})
    assert response.status_code == 200
    return json.loads(response.content)


def tag_labels(data):
    return {value["label"] for value in data["facets"].get("tag", [])}


def test_publication_unpublication_and_merge_reach_the_index(
    django_user_model, django_capture_on_commit_callbacks
):
    moderator = approved_user(django_user_model, "moderateur", "Membres", "Modérateurs")
    index = sections()[ExperienceIndexPage]
    with django_capture_on_commit_callbacks(execute=True):
        page = experience(index, title="Assemblée citoyenne de Kingersheim", slug="kingersheim")
        page.tags.add("démocratie locale", "Démocraties locales")
        page.save_revision().publish()
    data = search("Kingersheim")
    assert [hit["title"] for hit in data["results"]] == ["Assemblée citoyenne de Kingersheim"]
    assert {"démocratie locale", "Démocraties locales"} <= tag_labels(data)

    with django_capture_on_commit_callbacks(execute=True):
        merge_tags(
            Tag.objects.get(name="Démocraties locales"),
            Tag.objects.get(name="démocratie locale"),
            moderator,
        )
    labels = tag_labels(search("Kingersheim"))
    assert "démocratie locale" in labels
    assert "Démocraties locales" not in labels

    with django_capture_on_commit_callbacks(execute=True):
        type(page).objects.get(pk=page.pk).unpublish(user=moderator)
    assert search("Kingersheim")["results"] == []

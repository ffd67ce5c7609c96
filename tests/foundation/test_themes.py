"""Themes are curated by moderators: one optional level of parent, ordered, with page counts."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from practices.models import Theme

pytestmark = pytest.mark.django_db


def _theme_form_url(theme=None):
    if theme is None:
        return reverse("wagtailsnippets_practices_theme:add")
    return reverse("wagtailsnippets_practices_theme:edit", args=[theme.pk])


@pytest.fixture
def moderator_client(client, make_user):
    client.force_login(make_user("maud", "Modérateurs"))
    return client


def test_moderator_lists_themes_with_page_counts(moderator_client, make_experience):
    make_experience(themes=["jeunesse"])
    make_experience(themes=["jeunesse"])
    make_experience(publish=False, themes=["jeunesse"])
    response = moderator_client.get(reverse("wagtailsnippets_practices_theme:list"))
    assert response.status_code == 200
    assert Theme.objects.with_page_counts().get(slug="jeunesse").page_count == 2
    assert "Jeunesse" in response.content.decode()


@pytest.mark.parametrize("words", ["lycées", "Budget", '"budget', "NEAR("])
def test_moderator_searches_themes_by_name_or_description(moderator_client, words):
    budget = Theme.objects.create(
        name="Budget participatif", slug="budget", description="Dans les lycées et les quartiers."
    )
    youth = Theme.objects.create(
        name="Jeunesse", slug="jeunesse", description="Conseils de jeunes."
    )
    response = moderator_client.get(reverse("wagtailsnippets_practices_theme:list"), {"q": words})
    assert response.status_code == 200
    html = response.content.decode()
    assert (_theme_form_url(budget) in html) is (words != "NEAR(")
    assert _theme_form_url(youth) not in html


def test_moderator_creates_a_subtheme(moderator_client):
    parent = Theme.objects.create(name="Budget", slug="budget")
    data = {"name": "Budget des lycées", "slug": "budget-lycees", "order": "2", "parent": parent.pk}
    response = moderator_client.post(_theme_form_url(), data)
    assert response.status_code == 302
    assert Theme.objects.get(slug="budget-lycees").parent == parent


def test_a_theme_cannot_have_two_levels_of_parents(moderator_client):
    top = Theme.objects.create(name="Budget", slug="budget")
    middle = Theme.objects.create(name="Budget des lycées", slug="budget-lycees", parent=top)
    data = {"name": "Trop profond", "slug": "trop-profond", "order": "0", "parent": middle.pk}
    response = moderator_client.post(_theme_form_url(), data)
    assert response.status_code == 200
    assert not Theme.objects.filter(slug="trop-profond").exists()


def test_a_theme_with_subthemes_cannot_become_a_subtheme(moderator_client):
    top = Theme.objects.create(name="Budget", slug="budget")
    Theme.objects.create(name="Budget des lycées", slug="budget-lycees", parent=top)
    other = Theme.objects.create(name="Finances", slug="finances")
    data = {"name": "Budget", "slug": "budget", "order": "0", "parent": other.pk}
    response = moderator_client.post(_theme_form_url(top), data)
    assert response.status_code == 200
    assert "sous-thèmes" in response.content.decode()
    top.refresh_from_db()
    assert top.parent is None


def test_deleting_a_theme_says_how_many_pages_lose_it(moderator_client, make_experience):
    pages = [make_experience(themes=["jeunesse"]) for _ in range(2)]
    theme = Theme.objects.get(slug="jeunesse")
    delete_url = reverse("wagtailsnippets_practices_theme:delete", args=[theme.pk])
    html = moderator_client.get(delete_url).content.decode()
    assert "2 pages sont classées sous ce thème : elles le perdront." in html
    assert "référencé(e)" not in html  # Wagtail's summary, said once in Praxis's sentence
    usage_url = reverse("wagtailsnippets_practices_theme:usage", args=[theme.pk])
    assert (
        f'<a href="{usage_url}?describe_on_delete=1">Voir les pages classées sous ce thème</a>'
        in html
    )
    assert moderator_client.post(delete_url).status_code == 302
    assert not Theme.objects.filter(slug="jeunesse").exists()
    assert Page.objects.filter(pk__in=[p.pk for p in pages], live=True).count() == 2


def test_a_theme_s_usage_lists_the_pages_classified_under_it(moderator_client, make_experience):
    """Wagtail's usage count and listing see the themes of the published pages, and follow a
    change of classification."""
    classified = make_experience(title="Budget des lycées", themes=["jeunesse"])
    make_experience(title="Conseil de quartier", themes=["quartiers"])
    theme = Theme.objects.get(slug="jeunesse")
    edit = moderator_client.get(_theme_form_url(theme)).content.decode()
    assert "Utilisé(e) 1 fois" in edit
    usage_url = reverse("wagtailsnippets_practices_theme:usage", args=[theme.pk])
    usage = moderator_client.get(usage_url).content.decode()
    assert "Budget des lycées" in usage
    assert "Conseil de quartier" not in usage

    classified.themes = []
    classified.save_revision().publish()
    assert "Budget des lycées" not in moderator_client.get(usage_url).content.decode()


def test_an_experience_shows_the_workshops_presenting_it(moderator_client, make_experience):
    experience = make_experience(title="Budget des lycées")
    workshop = experience.get_parent().get_parent()  # any page will do as a parent
    from practices.models import WorkshopOutcomePage

    outcome = workshop.add_child(
        instance=WorkshopOutcomePage(
            title="Atelier 2 : le budget", summary="Le budget.", question="Comment ?"
        )
    )
    outcome.experiences = [experience]
    outcome.save_revision().publish()
    usage_url = reverse("wagtailadmin_pages:usage", args=[experience.pk])
    assert "Atelier 2 : le budget" in moderator_client.get(usage_url).content.decode()


def test_a_theme_with_subthemes_cannot_be_deleted(moderator_client):
    top = Theme.objects.create(name="Budget", slug="budget")
    Theme.objects.create(name="Budget des lycées", slug="budget-lycees", parent=top)
    delete_url = reverse("wagtailsnippets_practices_theme:delete", args=[top.pk])
    html = moderator_client.get(delete_url).content.decode()
    assert "Oui, supprimer" not in html
    moderator_client.post(delete_url)
    assert Theme.objects.filter(pk=top.pk).exists()


def test_members_cannot_curate_themes(client, make_user):
    client.force_login(make_user("morgane", "Membres"))
    response = client.get(reverse("wagtailsnippets_practices_theme:list"))
    assert response.status_code in (302, 403)


def test_changing_a_theme_s_address_keeps_the_old_one_working(moderator_client, client):
    theme = Theme.objects.create(name="Jeunesse", slug="jeunesse")

    response = moderator_client.post(
        _theme_form_url(theme),
        {"name": "Jeunesse", "slug": "jeunes", "description": "", "order": 0, "parent": ""},
    )

    assert response.status_code == 302
    old = client.get("/themes/jeunesse/")
    assert old.status_code == 301
    assert old["Location"].endswith("/themes/jeunes/")
    assert client.get("/export/themes/jeunesse.csv").status_code == 301
    form = moderator_client.get(_theme_form_url(theme)).content.decode()
    assert "l'ancienne adresse redirige vers la nouvelle" in form.replace("&#x27;", "'")

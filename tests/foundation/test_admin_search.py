"""Moderators search the admin's listings (Wagtail's own search, kb.wagtail_search): whatever they
type, an answer, never a server error."""

import pytest
from django.urls import reverse

from practices.models import Theme

pytestmark = pytest.mark.django_db

ODD_QUERIES = ['"', 'budget "participatif', "\x00budget", "NEAR(budget", "budget*", "-", "AND", " "]
LISTINGS = [
    "wagtailadmin_pages:search",
    "wagtaildocs:index",
    "wagtailimages:index",
    "wagtailsnippets_practices_theme:list",
    "wagtailusers_users:index",
]


@pytest.fixture
def moderator_client(client, make_user):
    client.force_login(make_user("maud", "Modérateurs", is_superuser=True))
    return client


@pytest.mark.parametrize("listing", LISTINGS)
def test_odd_text_in_an_admin_search_box_gets_an_answer(moderator_client, make_experience, listing):
    make_experience(title="Budget participatif des lycées")
    for query in ODD_QUERIES:
        response = moderator_client.get(reverse(listing), {"q": query})
        assert response.status_code == 200, (listing, query)


def test_a_stray_double_quote_still_finds_the_page(moderator_client, make_experience):
    page = make_experience(title="Budget participatif des lycées")
    response = moderator_client.get(reverse("wagtailadmin_pages:search"), {"q": 'budget "lycées'})
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in response.content.decode()


def test_the_admin_page_search_counts_pages(moderator_client, make_experience):
    for title in ("Budget participatif des lycées", "Budget participatif de Rennes"):
        make_experience(title=title)
    html = moderator_client.get(reverse("wagtailadmin_pages:search"), {"q": "budget"}).content
    text = " ".join(html.decode().split())
    assert "1-2 sur 2 pages" in text
    assert "sur 2 None" not in text


SEARCHED_AND_SORTED_OR_FILTERED = [
    ("wagtailsnippets_practices_theme:list", {"ordering": "name"}),
    ("wagtailsnippets_practices_theme:list", {"ordering": "-order"}),
    ("wagtailsnippets_practices_theme:list", {"ordering": "parent"}),
    ("wagtailadmin_explore_root", {"ordering": "content_type__model"}),
    ("wagtailadmin_explore_root", {"has_child_pages": "false"}),
]


@pytest.mark.parametrize(("listing", "params"), SEARCHED_AND_SORTED_OR_FILTERED)
def test_a_search_keeps_the_listings_sorting_and_filters(
    moderator_client, make_experience, listing, params
):
    """Sorting by a column or filtering, then searching (or the other way round): the database
    sorts and filters the results, whatever the fields the search engine declares."""
    page = make_experience(title="Budget participatif des lycées")
    Theme.objects.create(name="Budget participatif", slug="budget")
    response = moderator_client.get(reverse(listing), {"q": "budget", **params})
    assert response.status_code == 200, (listing, params)
    html = response.content.decode()
    if listing.startswith("wagtailsnippets"):
        assert "Budget participatif" in html
    else:
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


def test_a_theme_search_within_a_parent_theme(moderator_client):
    budget = Theme.objects.create(name="Budget", slug="budget")
    schools = Theme.objects.create(name="Budget des lycées", slug="lycees", parent=budget)
    districts = Theme.objects.create(name="Budget des quartiers", slug="quartiers")
    url = reverse("wagtailsnippets_practices_theme:list")
    response = moderator_client.get(url, {"q": "budget", "parent": budget.pk, "ordering": "name"})
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("wagtailsnippets_practices_theme:edit", args=[schools.pk]) in html
    assert reverse("wagtailsnippets_practices_theme:edit", args=[districts.pk]) not in html


@pytest.mark.parametrize("term", ["\x00", "\x00bud", "bud\x00get", '"', "x" * 5000])
def test_odd_text_in_a_tag_field_gets_completions(client, make_user, make_experience, term):
    """The editor completes tags as they are typed (Wagtail's view): a NUL byte, which PostgreSQL
    refuses in a query, completes nothing."""
    client.force_login(make_user("camille", "Contributeurs"))
    make_experience(tags=["budget participatif"])
    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": term})
    assert response.status_code == 200
    assert response.json() == []


def test_tag_completion_still_completes(client, make_user, make_experience):
    client.force_login(make_user("camille", "Contributeurs"))
    make_experience(tags=["budget participatif"])
    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "budg"})
    assert response.json() == ["budget participatif"]
    client.logout()
    assert client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "budg"}).status_code == 302

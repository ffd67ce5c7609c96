"""Moderators search the admin's listings (Wagtail's own search, kb.wagtail_search): whatever they
type, an answer, never a server error."""

import pytest
from django.urls import reverse

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

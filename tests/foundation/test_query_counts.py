"""Listings and detail pages run a number of SQL queries that does not grow with the content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

THEMES = ["participation", "jeunesse", "budget"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _grow_to(make_experience, count, existing):
    for number in range(existing, count):
        make_experience(themes=THEMES[: 1 + number % 3], tags=[f"étiquette {number % 7}", "commun"])


def test_query_counts_are_the_same_with_5_and_50_pages(client, make_experience, make_user):
    first = make_experience(themes=THEMES, tags=["commun"])
    _grow_to(make_experience, 5, 1)
    listing = first.get_parent().url
    urls = [
        listing,
        listing + "?region=hauts-de-france&year=2014&theme=participation",
        listing + "?page=2",
        first.url,
        "/",
        "/themes/",
        "/themes/participation/",
        "/etiquettes/commun/",
    ]
    for url in urls:
        client.get(url)  # warm per-process caches (site root paths, …)
    with_5 = {url: _queries(client, url) for url in urls}
    _grow_to(make_experience, 50, 5)
    with_50 = {url: _queries(client, url) for url in urls}
    assert with_50 == with_5

    client.force_login(make_user("morgane", "Membres"))
    signed_in = {url: _queries(client, url) for url in urls}
    _grow_to(make_experience, 55, 50)
    assert {url: _queries(client, url) for url in urls} == signed_in

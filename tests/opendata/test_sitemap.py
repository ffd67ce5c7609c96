"""The sitemap: exactly the live public pages, on the public address, with the date of their
last publication, in files that /sitemap.xml lists."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction, get_page_models

from kb.models import HomePage
from kb.sitemaps import PageSitemap
from practices.models import (
    CharterPage,
    EventPage,
    ExperiencePage,
    JobDescriptionPage,
    WorkshopOutcomePage,
)

from .builders import PUBLIC_ADDRESS, index_for, make_page, restrict_to_members

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
TYPES = [ExperiencePage, JobDescriptionPage, CharterPage, EventPage, WorkshopOutcomePage]


def _read(client, location, root_tag):
    assert location.startswith(PUBLIC_ADDRESS + "/"), location
    response = client.get(location.removeprefix(PUBLIC_ADDRESS), HTTP_HOST="web:8000")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    assert root.tag == f"{SITEMAP}{root_tag}"
    return root


def sitemap_files(client):
    """{location: lastmod} of the sitemap's files, which /sitemap.xml (an index) lists."""
    index = _read(client, PUBLIC_ADDRESS + "/sitemap.xml", "sitemapindex")
    return {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in index.iter(f"{SITEMAP}sitemap")
    }


def sitemap_entries(client, location):
    """{location: lastmod or None} of the URLs of one file of the sitemap."""
    root = _read(client, location, "urlset")
    entries = {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in root.iter(f"{SITEMAP}url")
    }
    assert len(entries) == len(root), "one entry per page"
    return entries


def all_entries(client):
    entries = {}
    for location in sitemap_files(client):
        listed = sitemap_entries(client, location)
        assert not listed.keys() & entries.keys(), "each page in one file"
        entries.update(listed)
    return entries


def test_sitemap_lists_exactly_the_live_public_pages(client, public_address):
    listed = {model: make_page(model, f"Fiche {model.__name__}") for model in TYPES}
    changed = make_page(ExperiencePage, "Publiée, nouvelle version en brouillon")
    changed.title = "Nouvelle version"
    changed.save_revision()
    draft = make_page(ExperiencePage, "Brouillon", publish=False)
    withdrawn = make_page(ExperiencePage, "Dépubliée")
    withdrawn.unpublish()
    members = make_page(ExperiencePage, "Réservée aux membres")
    restrict_to_members(members)
    moderators = make_page(JobDescriptionPage, "Réservée aux modérateurs")
    restriction = PageViewRestriction.objects.create(
        page=moderators, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Modérateurs"))
    restricted_section = index_for(EventPage)
    in_restricted_section = make_page(EventPage, "Rencontre d'une rubrique réservée")
    restrict_to_members(restricted_section)

    locations = set(all_entries(client))

    public = [
        HomePage.objects.get(),
        *(index_for(model) for model in TYPES if model is not EventPage),
        *(page for model, page in listed.items() if model is not EventPage),
        changed,
    ]
    assert locations == {PUBLIC_ADDRESS + page.url for page in public}
    absent = [draft, withdrawn, members, moderators, restricted_section, in_restricted_section]
    assert not {PUBLIC_ADDRESS + page.url for page in absent} & locations


def test_lastmod_is_the_day_of_the_last_publication_in_paris(client, public_address):
    late_evening = datetime.datetime(2014, 11, 18, 23, 30, tzinfo=datetime.UTC)  # 19th in Paris
    page = make_page(ExperiencePage, "Publiée tard", published_at=late_evening)
    page.save_revision()  # a draft since: the published version is the one listed
    entries = all_entries(client)
    assert entries[PUBLIC_ADDRESS + page.url] == "2014-11-19"
    assert entries[PUBLIC_ADDRESS + "/"] is None, "the home page was never published by anyone"


def test_pages_beyond_the_limit_of_a_file_go_into_the_next_ones(
    client, public_address, monkeypatch
):
    """The protocol allows 50,000 URLs a file: the index lists as many files as needed."""
    monkeypatch.setattr(PageSitemap, "limit", 4)
    for number in range(7):
        make_page(ExperiencePage, f"Fiche {number}")
    pages = Page.objects.live().public().exclude(depth=1)
    assert pages.count() == 9  # the home page, the section and the sheets

    files = sitemap_files(client)
    assert list(files) == [
        f"{PUBLIC_ADDRESS}/sitemap-pages.xml",
        f"{PUBLIC_ADDRESS}/sitemap-pages.xml?p=2",
        f"{PUBLIC_ADDRESS}/sitemap-pages.xml?p=3",
    ]
    assert [len(sitemap_entries(client, location)) for location in files] == [4, 4, 1]
    entries = all_entries(client)
    assert set(entries) == {PUBLIC_ADDRESS + page.url for page in pages}
    assert {lastmod[:10] for lastmod in files.values()} == {max(filter(None, entries.values()))}
    assert client.get("/sitemap-pages.xml?p=4", HTTP_HOST="web:8000").status_code == 404


def test_no_page_type_changes_its_sitemap_entry_or_its_url():
    """The sitemap reads pages in their generic form (kb.sitemaps): a page type with entries or
    URLs of its own would have to be read in its specific form there."""
    for model in get_page_models():
        assert model.get_sitemap_urls is Page.get_sitemap_urls, model
        assert model.get_url_parts is Page.get_url_parts, model

"""RSS 2.0 and Atom feeds, their announcement in the head, JSON-LD and robots.txt (the sitemap:
test_sitemap.py)."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.utils import timezone

from practices.models import EventPage, ExperiencePage, JobDescriptionPage

from .builders import make_page, make_theme, restrict_to_members, shared_corpus

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _build_corpus():
    budget = make_theme("Budget participatif", "budget")
    now = timezone.now()
    pages = {
        "old": make_page(
            ExperiencePage,
            "Ancienne expérience",
            themes=[budget],
            tags=["jeunesse"],
            region="bretagne",
            published_at=now - datetime.timedelta(days=10),
        ),
        "job": make_page(
            JobDescriptionPage,
            "Fiche de poste récente",
            themes=[budget],
            category="B",
            published_at=now - datetime.timedelta(days=5),
        ),
        "new": make_page(
            ExperiencePage,
            "Nouvelle expérience",
            tags=["jeunesse"],
            region="occitanie",
            published_at=now - datetime.timedelta(days=1),
        ),
        "event": make_page(EventPage, "Rencontres", published_at=now - datetime.timedelta(hours=1)),
    }
    pages["draft"] = make_page(ExperiencePage, "Brouillon", publish=False, themes=[budget])
    pages["members"] = make_page(ExperiencePage, "Réservé", themes=[budget], tags=["jeunesse"])
    restrict_to_members(pages["members"])
    return pages


corpus = shared_corpus(_build_corpus)


def rss_titles(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == "rss" and root.get("version") == "2.0"
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == f"{ATOM}feed"
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        (
            "/flux/{kind}/",
            {},
            ["Rencontres", "Nouvelle expérience", "Fiche de poste récente", "Ancienne expérience"],
        ),
        ("/flux/experiencepage/{kind}/", {}, ["Nouvelle expérience", "Ancienne expérience"]),
        ("/flux/experiencepage/{kind}/", {"region": "bretagne"}, ["Ancienne expérience"]),
        ("/flux/jobdescriptionpage/{kind}/", {"category": "B"}, ["Fiche de poste récente"]),
        ("/flux/jobdescriptionpage/{kind}/", {"category": "A"}, []),
        (
            "/flux/themes/budget/{kind}/",
            {},
            ["Fiche de poste récente", "Ancienne expérience"],
        ),
        (
            "/flux/etiquettes/jeunesse/{kind}/",
            {},
            ["Nouvelle expérience", "Ancienne expérience"],
        ),
    ],
)
def test_feeds_rss_and_atom_newest_first_public_only(client, corpus, path, params, expected):
    assert rss_titles(client, path.format(kind="rss"), params) == expected
    assert atom_titles(client, path.format(kind="atom"), params) == expected


def test_rss_item_content(client, corpus):
    root = ET.fromstring(client.get("/flux/experiencepage/rss/").content)  # noqa: S314 - our own feed
    item = next(i for i in root.iter("item") if i.findtext("title") == "Ancienne expérience")
    assert item.findtext("description") == "Résumé de Ancienne expérience"
    assert item.findtext("link").startswith("http://")
    assert item.findtext("pubDate")
    assert {c.text for c in item.findall("category")} == {"Budget participatif", "jeunesse"}


def test_feed_links_are_on_the_public_address(client, corpus, public_address):
    url = "/flux/experiencepage/{kind}/?region=bretagne"
    rss = ET.fromstring(client.get(url.format(kind="rss"), HTTP_HOST="web:8000").content)  # noqa: S314
    channel = rss.find("channel")
    assert channel.findtext("link").startswith(public_address + "/")
    self_link = channel.find(f"{ATOM}link").get("href")
    assert self_link == public_address + "/flux/experiencepage/rss/?region=bretagne"
    (item,) = channel.iter("item")
    assert item.findtext("link") == public_address + corpus["old"].url
    atom = ET.fromstring(client.get(url.format(kind="atom"), HTTP_HOST="web:8000").content)  # noqa: S314
    links = {link.get("rel"): link.get("href") for link in atom.findall(f"{ATOM}link")}
    assert links["self"] == public_address + "/flux/experiencepage/atom/?region=bretagne"
    assert atom.findtext(f"{ATOM}id") == links["self"], "a filtered feed is a feed of its own"
    assert "web:8000" not in client.get(url.format(kind="atom"), HTTP_HOST="web:8000").text


def _guids(client):
    rss = ET.fromstring(client.get("/flux/rss/").content)  # noqa: S314 - our own feed
    atom = ET.fromstring(client.get("/flux/atom/").content)  # noqa: S314 - our own feed
    return (
        {item.findtext("title"): item.find("guid") for item in rss.iter("item")},
        {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in atom.iter(f"{ATOM}entry")},
    )


def test_feed_items_keep_their_identifier_when_their_address_changes(client):
    """A feed reader does not announce a page again because a moderator renamed its slug."""
    page = make_page(ExperiencePage, "Renommée")
    make_page(ExperiencePage, "Une autre")
    rss_before, atom_before = _guids(client)
    guid = rss_before["Renommée"]
    assert guid is not None and guid.get("isPermaLink") == "false"
    assert guid.text != rss_before["Une autre"].text
    page.slug = "nouvelle-adresse"
    page.save_revision().publish()
    rss_after, atom_after = _guids(client)
    assert rss_after["Renommée"].text == guid.text
    assert atom_after["Renommée"] == atom_before["Renommée"]


def test_a_control_character_in_a_page_does_not_break_the_feeds(client):
    """Text pasted from a word processor may carry a vertical tab, which XML 1.0 cannot hold."""
    page = make_page(ExperiencePage, "Ligne\x0bcollée")
    page.summary = "Un résumé\x0b<b>collé</b> & co"
    page.save_revision().publish()
    for url in ("/flux/rss/", "/flux/atom/", "/flux/recherche/rss/?q=%0b"):
        assert client.get(url).status_code in (200, 400), url
    rss = ET.fromstring(client.get("/flux/rss/").content)  # noqa: S314 - our own feed
    item = next(rss.iter("item"))
    assert item.findtext("title") == "Lignecollée"
    # The summary is plain text: a feed reader shows its characters, not markup.
    assert item.findtext("description") == "Un résumé&lt;b&gt;collé&lt;/b&gt; &amp; co"


def test_feed_bad_filter_is_400_and_unknown_feed_404(client, corpus):
    response = client.get("/flux/experiencepage/rss/", {"region": "atlantide"})
    assert response.status_code == 400
    assert "filtre n'est pas valide" in response.content.decode()
    assert client.get("/flux/licorne/rss/").status_code == 404
    assert client.get("/flux/themes/inconnu/atom/").status_code == 404


def _alternates(html):
    return re.findall(
        r'<link rel="alternate" type="application/(rss|atom)\+xml" [^>]*href="([^"]+)"', html
    )


def test_feeds_are_announced_in_the_head(client, corpus):
    index = corpus["old"].get_parent()
    html = client.get(index.url, {"region": "bretagne"}).content.decode()
    head = html.split("</head>")[0]
    links = _alternates(head)
    assert ("rss", "/flux/experiencepage/rss/?region=bretagne") in links
    assert ("atom", "/flux/experiencepage/atom/?region=bretagne") in links
    assert ("rss", "/flux/rss/") in links
    theme_head = client.get("/themes/budget/").content.decode().split("</head>")[0]
    assert ("rss", "/flux/themes/budget/rss/") in _alternates(theme_head)
    tag_head = client.get("/etiquettes/jeunesse/").content.decode().split("</head>")[0]
    assert ("atom", "/flux/etiquettes/jeunesse/atom/") in _alternates(tag_head)
    detail_head = client.get(corpus["job"].url).content.decode().split("</head>")[0]
    assert ("rss", "/flux/jobdescriptionpage/rss/") in _alternates(detail_head)


def _jsonld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "JSON-LD script expected"
    return json.loads(match.group(1))


def test_jsonld_on_detail_pages(client, corpus):
    job = _jsonld(client.get(corpus["job"].url).content.decode())
    assert job["@context"] == "https://schema.org"
    assert job["@type"] == "JobPosting"
    assert job["title"] == "Chargé·e de mission participation"
    assert job["hiringOrganization"]["name"] == "Ville de Rennes"
    assert job["datePosted"] == "2014-03-01"
    assert job["about"] == [{"@type": "Thing", "name": "Budget participatif"}]
    experience = _jsonld(client.get(corpus["old"].url).content.decode())
    assert experience["@type"] == "Article"
    assert experience["spatialCoverage"]["name"] == "Bretagne"
    assert experience["keywords"] == "jeunesse"
    event = _jsonld(client.get(corpus["event"].url).content.decode())
    assert event["@type"] == "Event" and event["startDate"] == "2014-06-12"


@pytest.mark.parametrize("status", ["example", "filled"])
def test_jsonld_announces_a_job_offer_only_for_an_open_position(client, corpus, status):
    """Search engines list a JobPosting as an offer to apply to: an example sheet or a filled
    position describes an occupation instead."""
    page = make_page(JobDescriptionPage, "Fiche d'exemple", status=status, region="bretagne")
    data = _jsonld(client.get(page.url).content.decode())
    assert data["@type"] == "Article"
    assert "datePosted" not in data and "hiringOrganization" not in data
    occupation = data["mainEntity"]
    assert occupation["@type"] == "Occupation"
    assert occupation["name"] == "Chargé·e de mission participation"
    assert occupation["occupationalCategory"] == "Catégorie A — Administrative"
    assert occupation["occupationLocation"]["name"] == "Bretagne"
    offer = _jsonld(client.get(corpus["job"].url).content.decode())
    assert "employmentType" not in offer, "the sheets do not say whether it is full time"


def test_jsonld_escapes_html(client):
    page = make_page(ExperiencePage, "Titre </script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert _jsonld(html)["name"] == "Titre </script><script>alert(1)</script>"


@override_settings(WAGTAILADMIN_BASE_URL="https://praxis.example.org")
def test_robots_txt_closes_the_private_areas_and_points_to_the_sitemap(client):
    """At the public address, whatever host name the request came through (a proxy, a health
    check): the sitemap's own links are built on it."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /comptes/" in text
    assert "Sitemap: https://praxis.example.org/sitemap.xml" in text


def test_opendata_page_and_footer_links(client, corpus):
    response = client.get("/donnees/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/api/v2/pages/"' in html
    assert 'href="/export/jobdescriptionpage.csv"' in html
    assert 'href="/flux/experiencepage/atom/"' in html
    assert "intitulé du poste" in html
    # What a reuser needs to know: a job's own API filters, and why a cell may start with '
    job_row = html.split("<code>practices.JobDescriptionPage</code>")[1].split("</tr>")[0]
    assert "<code>category</code>, <code>sector</code>, <code>status</code>" in job_row
    assert "précédée d'une apostrophe" in html
    footer = html.split('<footer class="site-footer"')[1]
    for url in ('href="/donnees/"', 'href="/metiers/"', 'href="/territoires/"'):
        assert url in footer

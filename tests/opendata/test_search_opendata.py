"""Open data of a search: CSV of the result set, RSS/Atom feeds, announced and followable."""

import csv
import datetime
import html as html_lib
import io
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from practices.models import ExperiencePage, JobDescriptionPage

from .builders import make_page, restrict_to_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(django_capture_on_commit_callbacks):
    # search/ indexes pages once the transaction commits: run those callbacks here.
    with django_capture_on_commit_callbacks(execute=True):
        return _corpus()


def _corpus():
    now = timezone.now()
    pages = {
        "old": make_page(
            ExperiencePage,
            "Conseils de quartier de Rennes",
            region="bretagne",
            published_at=now - datetime.timedelta(days=5),
        ),
        "new": make_page(
            ExperiencePage,
            "Quartier prioritaire de Lille",
            region="hauts-de-france",
            published_at=now - datetime.timedelta(days=1),
        ),
        "job": make_page(
            JobDescriptionPage,
            "Animateur quartier",
            region="bretagne",
            published_at=now - datetime.timedelta(days=3),
        ),
        "other": make_page(ExperiencePage, "Budget participatif", region="bretagne"),
    }
    pages["members"] = make_page(ExperiencePage, "Quartier réservé aux membres")
    restrict_to_members(pages["members"])
    pages["draft"] = make_page(ExperiencePage, "Quartier en brouillon", publish=False)
    return pages


def _csv_titles(response):
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    header, *rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    return [row[header.index("titre")] for row in rows]


def test_search_csv_has_the_whole_result_set_as_filtered(client, corpus):
    response = client.get("/export/recherche.csv", {"q": "quartier", "sort": "date"})
    assert response.status_code == 200
    assert _csv_titles(response) == [
        "Quartier prioritaire de Lille",
        "Animateur quartier",
        "Conseils de quartier de Rennes",
    ]
    filtered = client.get("/export/recherche.csv", {"q": "quartier", "region": "bretagne"})
    assert sorted(_csv_titles(filtered)) == ["Animateur quartier", "Conseils de quartier de Rennes"]


def test_search_csv_bad_parameters_are_a_400(client, corpus):
    response = client.get("/export/recherche.csv", {"q": "quartier", "region": "atlantide"})
    assert response.status_code == 400
    assert "Export impossible" in response.content.decode()
    assert client.get("/export/recherche.csv").status_code == 400


def test_search_csv_and_feed_say_when_search_cannot_answer(client, corpus, monkeypatch):
    """The database does not answer (locked, restarting): a 503 that says so in French. A bug
    in the search code is not disguised as an outage."""
    from django.db import OperationalError

    from search.backends import get_backend

    def locked(self, query):
        raise OperationalError("database is locked")

    monkeypatch.setattr(type(get_backend()), "search", locked)
    for path in ("/export/recherche.csv", "/flux/recherche/rss/"):
        response = client.get(path, {"q": "quartier"})
        assert response.status_code == 503
        assert "La recherche est momentanément indisponible" in response.content.decode()

    monkeypatch.setattr(type(get_backend()), "search", lambda self, query: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        client.get("/export/recherche.csv", {"q": "quartier"})


def test_search_feeds_newest_first(client, corpus):
    expected = [
        "Quartier prioritaire de Lille",
        "Animateur quartier",
        "Conseils de quartier de Rennes",
    ]
    rss = ET.fromstring(client.get("/flux/recherche/rss/", {"q": "quartier"}).content)  # noqa: S314
    assert [i.findtext("title") for i in rss.iter("item")] == expected
    atom = client.get("/flux/recherche/atom/", {"q": "quartier", "type": "experiencepage"})
    root = ET.fromstring(atom.content)  # noqa: S314
    ns = "{http://www.w3.org/2005/Atom}"
    assert [e.findtext(f"{ns}title") for e in root.iter(f"{ns}entry")] == [
        "Quartier prioritaire de Lille",
        "Conseils de quartier de Rennes",
    ]
    assert client.get("/flux/recherche/rss/", {"q": "x", "year": "deux"}).status_code == 400


def test_search_page_announces_its_feed_and_offers_export_and_follow(client, corpus):
    html = html_lib.unescape(
        client.get("/recherche/", {"q": "quartier", "page": "1"}).content.decode()
    )
    head = html.split("</head>")[0]
    assert (
        'type="application/rss+xml" title="Recherche « quartier » (RSS)" '
        'href="/flux/recherche/rss/?q=quartier"' in head
    )
    assert 'href="/export/recherche.csv?q=quartier"' in html
    assert "Connectez-vous pour suivre" in html

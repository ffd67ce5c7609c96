"""The views follow what the backend declares it supports: what a backend lacks is neither asked
of it nor offered to readers."""

import re

import pytest

from search.backends import base

pytestmark = pytest.mark.usefixtures("demo_corpus")

FACET_PANEL = 'id="search-facets-title"'
PHRASE_HELP = "« Entre guillemets » : une expression exacte."
EXCLUDE_HELP = "-mot : exclut ce mot."


@pytest.fixture
def asked(monkeypatch, backend):
    """The queries the backend is asked to answer."""
    queries = []
    answer = backend.search

    def search(query):
        queries.append(query)
        return answer(query)

    monkeypatch.setattr(backend, "search", search)
    return queries


@pytest.fixture
def plain(monkeypatch, backend):
    """The database backend, declaring only highlighted snippets and suggestions. It still
    counts facets and completes words when asked: only the views' restraint hides them."""
    monkeypatch.setattr(backend, "capabilities", frozenset({base.HIGHLIGHT, base.SUGGEST}))
    return backend


def autocomplete_urls(html):
    return re.findall(r'<input[^>]*\bdata-autocomplete-url="([^"]+)"', html)


def test_a_backend_supporting_everything_is_offered_in_full(client, backend, asked):
    html = client.get("/recherche/", {"q": "participation"}).content.decode()
    assert FACET_PANEL in html
    assert "Tous les mots sont cherchés." in html
    assert PHRASE_HELP in html and EXCLUDE_HELP in html
    assert len(autocomplete_urls(html)) == 2  # the site header's box and the page's own
    assert asked[-1].facets  # facet counts were asked for
    suggestions = client.get("/api/search/autocomplete/", {"q": "democr"}).json()["suggestions"]
    assert any("démocratie" in s["label"].lower() for s in suggestions)


def test_a_backend_without_facets_answers_without_being_asked_for_them(client, plain, asked):
    html = client.get("/recherche/", {"q": "participation"}).content.decode()
    assert "résultats pour « participation »" in html
    assert FACET_PANEL not in html
    assert asked[-1].facets == ()
    data = client.get("/api/search/", {"q": "participation"}).json()
    assert data["count"] > 10 and len(data["results"]) == 10
    assert data["facets"] == {}
    assert asked[-1].facets == ()


def test_a_filter_still_applies_without_facet_counts(client, plain):
    everything = client.get("/api/search/", {"q": "participation"}).json()["count"]
    filtered = client.get("/api/search/", {"q": "participation", "type": "experiencepage"}).json()
    assert 0 < filtered["count"] < everything
    assert {hit["type"] for hit in filtered["results"]} == {"experiencepage"}


def test_no_search_box_offers_completion_a_backend_lacks(client, plain):
    assert autocomplete_urls(client.get("/").content.decode()) == []
    assert autocomplete_urls(client.get("/recherche/", {"q": "budget"}).content.decode()) == []
    response = client.get("/api/search/autocomplete/", {"q": "democr"})
    assert response.status_code == 200
    assert response.json() == {"suggestions": []}


def test_the_help_describes_only_the_syntax_the_backend_understands(client, plain):
    html = client.get("/recherche/").content.decode()
    assert "Tous les mots sont cherchés." in html
    assert PHRASE_HELP not in html and EXCLUDE_HELP not in html

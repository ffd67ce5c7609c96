"""Writes Elasticsearch missed while it did not answer: the database answers the searches until
they are replayed, so that a page unpublished meanwhile never shows; the next write, or
``search_index catch-up``, replays them from the pages as they are.

Elasticsearch itself cannot run here: the backend beside the database is an in-memory one that
can be made to stop answering, as Elasticsearch does (BackendUnavailable)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search import backends
from search.backends.base import BackendUnavailable, SearchBackend
from search.indexing import catch_up, record_missed_writes
from search.models import MissedWrite
from search.query import Hit, SearchResult


class InMemoryBackend(SearchBackend):
    """Titles by page id; a search returns the pages whose title holds the text."""

    name = "memoire"
    url = "memoire://"

    def __init__(self):
        self.titles, self.answers, self.calls = {}, True, []

    def _check(self, call):
        if not self.answers:
            raise BackendUnavailable("connexion refusée")
        self.calls.append(call)

    def index(self, records):
        self._check(("index", [r["page_id"] for r in records]))
        self.titles.update({r["page_id"]: r["title"] for r in records})

    def remove(self, page_ids):
        self._check(("remove", list(page_ids)))
        for page_id in page_ids:
            self.titles.pop(page_id, None)

    def rebuild(self, records):
        self._check(("rebuild", []))
        self.titles = {r["page_id"]: r["title"] for r in records}
        return {"pages": len(self.titles), "words": 0, "seconds": 0}

    def search(self, query):
        self._check(("search", query.text))
        found = [(i, t) for i, t in self.titles.items() if query.text.lower() in t.lower()]
        hits = [
            Hit(page_id=i, type="", type_label="", title=t, url="", summary="", snippet="", score=1)
            for i, t in found
        ]
        return SearchResult(query=query, total=len(hits), hits=hits, backend=self.name)


@pytest.fixture
def beside(monkeypatch, db):
    """The in-memory backend, written to and read from as Elasticsearch is."""
    engine = InMemoryBackend()
    monkeypatch.setattr(backends, "elasticsearch_backend", lambda: engine)
    backends.reset_cache()
    yield engine
    backends.reset_cache()


def found(client, text):
    response = client.get("/api/search/", {"q": text})
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["results"]]


def test_a_page_unpublished_while_elasticsearch_did_not_answer_never_shows(
    beside, publish, commit, client
):
    page = publish(title="Le conseil des jardiniers")
    assert page.pk in beside.titles
    beside.answers = False
    with commit():
        page.unpublish()
    assert MissedWrite.objects.filter(backend="memoire", page_id=page.pk).exists()
    beside.answers = True  # back, but still holding the page
    assert found(client, "jardiniers") == []  # answered by the database
    assert ("search", "jardiniers") not in beside.calls

    publish(title="Le conseil des jardiniers de Lille")  # the next write replays the missed one
    assert beside.titles == {
        p: t for p, t in beside.titles.items() if t == "Le conseil des jardiniers de Lille"
    }
    assert not MissedWrite.objects.exists()
    assert found(client, "jardiniers") == ["Le conseil des jardiniers de Lille"]
    assert ("search", "jardiniers") in beside.calls  # answered by the backend again


def test_the_catch_up_command_replays_the_missed_writes(beside, publish):
    beside.answers = False
    page = publish(title="Les ateliers du budget")
    assert page.pk not in beside.titles
    with pytest.raises(CommandError, match=r"Index memoire \(connexion refusée\) toujours en"):
        call_command("search_index", "catch-up", stdout=StringIO())
    beside.answers = True
    out = StringIO()
    call_command("search_index", "catch-up", stdout=out)
    assert "Index memoire : 1 page rattrapée." in out.getvalue()
    assert beside.titles[page.pk] == "Les ateliers du budget"
    out = StringIO()
    call_command("search_index", "catch-up", stdout=out)
    assert "Index memoire : rien à rattraper." in out.getvalue()


def test_a_write_missed_again_while_catching_up_is_replayed_too(beside, publish, commit):
    page = publish(title="Le forum des habitants")
    beside.answers = False
    with commit():
        page.unpublish()
    beside.answers = True
    remove = beside.remove

    def remove_then_miss_again(page_ids):
        beside.remove = remove
        remove(page_ids)
        record_missed_writes(beside, page_ids)  # another worker's write, missed meanwhile

    beside.remove = remove_then_miss_again
    catch_up(beside)
    assert [call for call in beside.calls if call[0] == "remove"] == [
        ("remove", [page.pk]),
        ("remove", [page.pk]),
    ]
    assert not MissedWrite.objects.exists()


def test_a_rebuild_replays_every_missed_write(beside, publish):
    beside.answers = False
    page = publish(title="La fabrique citoyenne")
    beside.answers = True
    call_command("search_index", "rebuild", stdout=StringIO())
    assert beside.titles[page.pk] == "La fabrique citoyenne"
    assert not MissedWrite.objects.exists()


def test_a_long_backlog_is_replayed_a_batch_per_write_then_by_the_command(
    beside, publish, client, monkeypatch
):
    from search import indexing

    monkeypatch.setattr(indexing, "CATCH_UP_BATCH", 2)
    beside.answers = False
    missed = [publish(title=f"La maison du projet n°{n}") for n in range(5)]
    beside.answers = True
    publish(title="La maison des habitants")  # replays two of the five, then writes its own
    assert [p.pk for p in missed if p.pk in beside.titles] == [missed[0].pk, missed[1].pk]
    assert "La maison des habitants" in beside.titles.values()
    assert len(found(client, "maison")) == 6  # the database answers: all of them
    assert ("search", "maison") not in beside.calls
    call_command("search_index", "catch-up", stdout=StringIO())
    assert all(p.pk in beside.titles for p in missed)
    assert len(found(client, "maison")) == 6
    assert ("search", "maison") in beside.calls

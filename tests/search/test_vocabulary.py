""" "Did you mean" follows publications word by word: after a write, the first search reads the
words whose page counts changed, not the whole vocabulary again."""

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search import facets
from search.backends import database as database_module
from search.facets import log_changes


@pytest.fixture
def unpublish(commit):
    def run(page):
        with commit():
            page.unpublish()

    return run


def test_a_word_published_is_suggested_on_the_next_search_without_reading_every_word(
    publish, search
):
    publish(title="Les assemblées de quartier", summary="Une démarche de concertation.")
    assert search("concertaton").suggestion == "concertation"  # the vocabulary is in memory
    publish(title="Le zorglubisme municipal", summary="Une méthode zorglubienne.")
    with CaptureQueriesContext(connection) as queries:
        assert search("zorglubiene").suggestion == "zorglubienne"
    whole_reads = [
        q["sql"]
        for q in queries.captured_queries
        if "search_searchterm" in q["sql"]
        and "change_position" not in q["sql"]
        and " IN (" not in q["sql"]
    ]
    assert whole_reads == []


def test_a_word_no_page_uses_any_more_is_no_longer_known(publish, unpublish, search):
    """Typed after its last page was unpublished, the word is corrected to the closest word of
    the pages still published."""
    gone = publish(title="Le zorglubien de Roubaix")
    publish(title="Le zorglubian de Tourcoing")
    assert search("zorglubien").total == 1
    unpublish(gone)
    result = search("zorglubien")
    assert result.suggestion == "zorglubian"
    assert [hit.title for hit in result.hits] == ["Le zorglubian de Tourcoing"]


def test_the_spelling_most_pages_use_is_the_one_suggested(publish, search):
    publish(title="Un forum événementiel")
    publish(title="Un atelier événementiel")
    publish(title="Un programme evenementiel")
    assert search("evenementie").suggestion == "événementiel"
    publish(title="Un calendrier evenementiel")
    publish(title="Un festival evenementiel")
    assert search("evenementie").suggestion == "evenementiel"


def test_a_vocabulary_behind_the_change_log_s_horizon_is_read_again(
    publish, unpublish, search, backend, monkeypatch
):
    """A process that did not search while many pages changed (its facet index kept up, the
    change log and the words at 0 moved on) reads the whole vocabulary again."""
    monkeypatch.setattr(facets, "KEEP_CHANGES", 2)
    monkeypatch.setattr(database_module, "KEEP_CHANGES", 2)
    gone = publish(title="Le zorglubien de Roubaix")
    publish(title="Le zorglubian de Tourcoing")
    assert search("zorglubien").total == 1
    unpublish(gone)
    for n in range(5):
        publish(title=f"Une page de plus n°{n}", summary=f"Le mot{n}suivant.")
        backend.facet_index()  # kept up to date (by the watch, an export…): not the vocabulary
    assert search("zorglubien").suggestion == "zorglubian"


@pytest.mark.django_db(transaction=True)
def test_writers_of_the_change_log_take_turns_on_postgresql():
    """A change committed after another must come after it in the log: a reader that saw the
    second would otherwise never apply the first."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one transaction write at a time")
    first_logged, release, second_logged = threading.Event(), threading.Event(), threading.Event()
    positions = {}

    def write(name, page_id, logged, wait_for=None):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                positions[name] = log_changes(cursor, [page_id])
                logged.set()
                if wait_for is not None:
                    wait_for.wait(10)
        finally:
            connection.close()

    first = threading.Thread(target=write, args=("first", 1, first_logged, release))
    first.start()
    assert first_logged.wait(10)
    second = threading.Thread(target=write, args=("second", 2, second_logged))
    second.start()
    waited = not second_logged.wait(0.5)
    release.set()
    first.join(10)
    second.join(10)
    assert waited, "the second writer logged its change while the first had not committed"
    assert positions["second"] > positions["first"]


def test_a_worker_loads_the_facets_and_the_vocabulary_as_it_starts(publish):
    from search.backends import database_backend, reset_cache, warm_up
    from search.query import SearchQuery

    publish(title="Les assemblées de quartier", summary="Une démarche de concertation.")
    reset_cache()  # a new process
    warm_up()
    with CaptureQueriesContext(connection) as queries:
        result = database_backend().search(SearchQuery(text="concertaton"))
    assert result.suggestion == "concertation"
    assert [hit.title for hit in result.hits] == ["Les assemblées de quartier"]
    whole_reads = [
        q["sql"]
        for q in queries.captured_queries
        if "FROM search_searchfacet" in q["sql"]
        and "WHERE" not in q["sql"]
        or "FROM search_searchterm WHERE doc_count > 0" in q["sql"]
        and " IN (" not in q["sql"]
    ]
    assert whole_reads == []


def test_a_worker_starts_when_the_database_does_not_answer(backend, monkeypatch, caplog):
    from django.db import OperationalError

    from search.backends import warm_up

    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(backend, "vocabulary", unreachable)
    warm_up()
    assert "index non chargé au démarrage (connection refused)" in caplog.text


def test_a_worker_answered_by_elasticsearch_loads_nothing(settings, db, django_assert_num_queries):
    from search.backends import reset_cache, warm_up

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    reset_cache()
    with django_assert_num_queries(0):
        warm_up()

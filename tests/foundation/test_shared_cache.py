"""With REDIS_URL set, the web workers share one cache (kb.settings.base.shared_cache): what one
of them counts or caches, the others read. A cache server that does not answer is a miss, never
an error page.

The tests that need a Redis server use REDIS_URL, else the one on 127.0.0.1:6379 (database 15),
and are reported as skipped when none answers."""

import logging
import os
import uuid

import pytest
import redis
from django.core.cache import caches

from kb.settings.base import shared_cache
from tests.accounts.helpers import PASSWORD, approved_user, text

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def _redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


needs_redis = pytest.mark.skipif(
    not _redis_answers(), reason=f"aucun serveur Redis ne répond à {REDIS_URL}"
)


@pytest.fixture
def server():
    """A Redis client of its own (what any other worker reads), and the key prefix of this
    test; its keys are deleted afterwards."""
    prefix = f"praxis-test-{uuid.uuid4().hex[:8]}"
    client = redis.Redis.from_url(REDIS_URL)
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def shared(settings, server):
    settings.CACHES = {"default": {**shared_cache(REDIS_URL), "KEY_PREFIX": server[1]}}
    return server


@needs_redis
def test_what_one_worker_caches_another_reads(shared):
    one, another = (caches.create_connection("default") for _ in range(2))
    one.set("wagtail_site_root_paths", ["/"], 60)
    assert another.get("wagtail_site_root_paths") == ["/"]
    client, prefix = shared
    assert list(client.scan_iter(f"{prefix}:*"))  # on the server, not in this process


@needs_redis
def test_failed_log_ins_are_counted_where_every_worker_reads_them(
    shared, client, django_user_model
):
    user = approved_user(django_user_model, "camille", "Membres")
    for _ in range(5):
        client.post("/comptes/login/", {"login": user.email, "password": "mauvais"})
    server, prefix = shared
    assert list(server.scan_iter(f"{prefix}:*"))  # allauth's counters
    response = client.post("/comptes/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives" in text(response)


@pytest.mark.django_db
def test_a_cache_server_that_does_not_answer_is_a_miss_not_an_error_page(
    settings, client, django_user_model, caplog
):
    """Nothing listens on port 9: the site answers without its cache, and the log says why."""
    settings.CACHES = {"default": shared_cache("redis://127.0.0.1:9/0")}
    user = approved_user(django_user_model, "camille", "Membres")
    with caplog.at_level(logging.ERROR, logger="praxis.cache"):
        assert client.get("/").status_code == 200
        response = client.post("/comptes/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert any(record.name == "praxis.cache" for record in caplog.records)

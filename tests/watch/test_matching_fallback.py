"""A followed search when search/ cannot answer: its digest keeps the search's filters.

search/ "cannot answer" when its backend fails: the database index (the only backend, or the
one answering for an Elasticsearch that is down). The digest then matches the words on titles
and summaries, and must still apply the filters of the followed search as the search page does:
any of the values of type, region, organisation type, year, catégorie, filière; all of the
values of themes and tags.
"""

import datetime
import logging
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kb.watch.models import Subscription
from practices.models import EventPage, ExperiencePage, JobDescriptionPage
from search.backends import database_backend, reset_cache

from ..opendata.builders import make_page, make_theme, restrict_to_members

# search/ answers from the database index unless a test configures Elasticsearch.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search")]


@pytest.fixture
def corpus(django_capture_on_commit_callbacks):
    """Pages on the participatory budget in several regions, types, themes and tags, indexed
    by search/ as on publication; the first published first."""
    budget = make_theme("Budget participatif", "budget")
    youth = make_theme("Jeunesse", "jeunesse")
    with django_capture_on_commit_callbacks(execute=True):  # search/ indexes on commit
        make_page(ExperiencePage, "Budget participatif de Caen", region="normandie", themes=[youth])
        make_page(
            ExperiencePage,
            "Budget participatif de Rennes",
            region="bretagne",
            authority_type="department",
            themes=[budget, youth],
            tags=["ados"],
        )
        make_page(ExperiencePage, "Budget participatif d'Amiens", themes=[budget])
        make_page(
            ExperiencePage,
            "Budget participatif de Lille",
            themes=[budget, youth],
            tags=["ados", "quartiers"],
        )
        make_page(JobDescriptionPage, "Chargé·e du budget participatif", tags=["quartiers"])
        make_page(
            JobDescriptionPage,
            "Technicien·ne du budget participatif",
            category="B",
            sector="technical",
            date=datetime.date(2016, 5, 1),
        )
        make_page(EventPage, "Rencontre sur le budget participatif", region="hauts-de-france")
        make_page(ExperiencePage, "Conseil de quartier de Lille")  # not about the budget
        restrict_to_members(make_page(ExperiencePage, "Budget participatif réservé"))


@pytest.fixture
def follow(django_user_model):
    members, _created = Group.objects.get_or_create(name="Membres")

    def make(query, name="chloe"):
        user = django_user_model.objects.create_user(
            username=name, email=f"{name}@example.org", password="motdepasse-test"
        )
        user.groups.add(members)
        return Subscription.objects.create(
            user=user,
            kind="search",
            query=query,
            frequency="daily",
            created_at=timezone.now() - datetime.timedelta(days=1),
        )

    return make


@pytest.fixture
def break_search(monkeypatch):
    """Make the database index fail as a lost index table would: a real failing statement."""

    def broken_read(sql, params):
        with connection.cursor() as cursor:
            cursor.execute("SELECT doc_id FROM search_lost_index")

    def run():
        monkeypatch.setattr(database_backend(), "read", broken_read)

    return run


def digest_titles():
    """{recipient: [titles of the pages listed in the digest]} after sending today's digests."""
    mail.outbox.clear()
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return {m.to[0]: re.findall(r"^- (.+)$", m.body, re.M) for m in mail.outbox}


def search_page_titles(client, query):
    """The titles the search page (its JSON twin) gives for ``query``, newest first."""
    response = client.get(f"/api/search/?{query}&sort=date")
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["results"]]


def test_a_search_followed_on_a_region_only_lists_that_region_when_search_fails(
    corpus, follow, break_search, caplog
):
    follow("q=budget+participatif&region=hauts-de-france")
    break_search()
    with caplog.at_level(logging.WARNING, logger="praxis.watch"):
        sent = digest_titles()
    assert sent == {
        "chloe@example.org": [
            "Rencontre sur le budget participatif",
            "Budget participatif de Lille",
            "Budget participatif d'Amiens",
        ]
    }
    assert "Search unavailable" in caplog.text  # the fallback was used, and it says so


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(  # one value of a facet: only its pages
            "region=bretagne",
            [
                "Technicien·ne du budget participatif",
                "Chargé·e du budget participatif",
                "Budget participatif de Rennes",
            ],
            id="region",
        ),
        pytest.param(  # two regions: either
            "region=bretagne&region=normandie",
            [
                "Technicien·ne du budget participatif",
                "Chargé·e du budget participatif",
                "Budget participatif de Rennes",
                "Budget participatif de Caen",
            ],
            id="regions-or",
        ),
        pytest.param(  # two types: either
            "type=eventpage&type=jobdescriptionpage",
            [
                "Rencontre sur le budget participatif",
                "Technicien·ne du budget participatif",
                "Chargé·e du budget participatif",
            ],
            id="types-or",
        ),
        pytest.param(
            "type=experiencepage&region=hauts-de-france",
            ["Budget participatif de Lille", "Budget participatif d'Amiens"],
            id="type-and-region",
        ),
        pytest.param(
            "theme=jeunesse",
            [
                "Budget participatif de Lille",
                "Budget participatif de Rennes",
                "Budget participatif de Caen",
            ],
            id="theme",
        ),
        pytest.param(  # two themes: both
            "theme=jeunesse&theme=budget",
            ["Budget participatif de Lille", "Budget participatif de Rennes"],
            id="themes-and",
        ),
        pytest.param(  # two tags: both
            "tag=ados&tag=quartiers",
            ["Budget participatif de Lille"],
            id="tags-and",
        ),
        pytest.param(
            "theme=jeunesse&region=bretagne&region=normandie",
            ["Budget participatif de Rennes", "Budget participatif de Caen"],
            id="theme-and-regions",
        ),
        pytest.param(
            "authority_type=department",
            ["Budget participatif de Rennes"],
            id="authority-type",
        ),
        pytest.param(  # years: either, whatever field a type dates itself with
            "year=2014&year=2016",
            [
                "Rencontre sur le budget participatif",
                "Technicien·ne du budget participatif",
                "Chargé·e du budget participatif",
            ],
            id="years-or",
        ),
        pytest.param("category=B", ["Technicien·ne du budget participatif"], id="category"),
        pytest.param("sector=administrative", ["Chargé·e du budget participatif"], id="sector"),
    ],
)
def test_a_followed_search_lists_what_the_search_page_gives_even_when_search_fails(
    corpus, follow, break_search, client, query, expected
):
    query = f"q=budget+participatif&{query}"
    assert search_page_titles(client, query) == expected
    follow(query)
    break_search()
    assert digest_titles() == {"chloe@example.org": expected}


def test_elasticsearch_down_is_answered_by_the_database_index_and_both_down_by_the_fallback(
    corpus, follow, break_search, settings, django_user_model
):
    """Elasticsearch down alone: search/ answers from its database index (the plural finds the
    singular there, not on titles). Elasticsearch down and the database index failing: the
    digest matches the words on titles and summaries, filters included."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    reset_cache()
    follow("q=conseils+quartier&region=hauts-de-france", name="alice")
    assert digest_titles() == {"alice@example.org": ["Conseil de quartier de Lille"]}

    Subscription.objects.all().delete()
    follow("q=budget&theme=budget&theme=jeunesse", name="bruno")
    break_search()
    assert digest_titles() == {
        "bruno@example.org": ["Budget participatif de Lille", "Budget participatif de Rennes"]
    }


def test_a_failing_search_does_not_cost_the_member_the_rest_of_the_digest(
    corpus, follow, break_search
):
    """The search backend's failed statement is rolled back on its own: the digest's other
    sections (here a followed theme) are sent, and the search's section too."""
    subscription = follow("q=budget&region=normandie")
    Subscription.objects.create(
        user=subscription.user,
        kind="theme",
        theme=make_theme("Budget participatif", "budget"),
        frequency="daily",
        created_at=subscription.created_at,
    )
    break_search()
    assert digest_titles() == {
        "chloe@example.org": [
            "Budget participatif de Caen",
            "Budget participatif de Lille",
            "Budget participatif d'Amiens",
            "Budget participatif de Rennes",
        ]
    }

"""Fixtures shared by every test package."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

from kb.site_structure import ensure_sections


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Tests on the demo corpus use the database, even when they do not ask for it by name.

    pytest-django runs database tests first and transactional tests (which empty the database)
    after them; a test it believed database-free would run last, on an emptied database.
    """
    for item in items:
        if "demo_corpus" in item.fixturenames and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="module")
def demo_corpus(django_db_setup, django_db_blocker):
    """The 2014 demo corpus, loaded once per test module and rolled back after it.

    Tests using it must not be transactional (they run inside this module-wide transaction).
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo_content", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def database_search(settings):
    """search/ answers from the database index, whatever ELASTICSEARCH_URL the run has (a test
    may still set it itself)."""
    from search.backends import reset_cache

    settings.ELASTICSEARCH_URL = ""
    reset_cache()
    yield
    reset_cache()


@pytest.fixture
def sections(db):
    """{index model: index page} for every section of the site."""
    return ensure_sections()


@pytest.fixture
def make_user(db, django_user_model):
    """Create a user in one of the groups "Membres", "Contributeurs", "Modérateurs" (or none)."""

    def make(username, group=None, **extra):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.org", password="motdepasse-test", **extra
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def make_experience(sections):
    """Create and publish an experience sheet; keyword arguments override the defaults."""
    from practices.models import ExperienceIndexPage, ExperiencePage, Theme

    counter = iter(range(1, 100_000))

    def make(publish=True, themes=(), tags=(), **fields):
        number = next(counter)
        values = {
            "title": f"Expérience de test n°{number}",
            "slug": f"experience-test-{number}",
            "summary": "Une démarche de concertation menée avec les habitants.",
            "organisation": "Ville de Testville",
            "authority_type": "commune",
            "region": "hauts-de-france",
            "start_year": 2014,
        }
        values.update(fields)
        if not publish:
            values["live"] = False
        page = sections[ExperienceIndexPage].add_child(instance=ExperiencePage(**values))
        page.themes = [
            theme
            if isinstance(theme, Theme)
            else Theme.objects.get_or_create(slug=theme, defaults={"name": theme.capitalize()})[0]
            for theme in themes
        ]
        page.tags.set(list(tags))
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return make

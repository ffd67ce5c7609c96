"""Small page builders shared by the open data, jobs and watch tests (Wagtail's page API)."""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from kb.models import HomePage
from practices.models import (
    JobDescriptionPage,
    PracticeIndexPage,
    Theme,
)

PUBLIC_ADDRESS = "https://praxis.example.org"  # the ``public_address`` fixture's

DEFAULTS = {
    "experiencepage": {
        "organisation": "Ville de Lille",
        "authority_type": "commune",
        "region": "hauts-de-france",
        "start_year": 2012,
        "methods": ["participatory_budget"],
    },
    "jobdescriptionpage": {
        "job_title": "Chargé·e de mission participation",
        "employer": "Ville de Rennes",
        "authority_type": "commune",
        "region": "bretagne",
        "category": "A",
        "sector": "administrative",
        "missions": "Animer les conseils de quartier\nAccompagner les services",
        "skills_knowledge": "Droit des collectivités",
        "date": datetime.date(2014, 3, 1),
        "status": "open",
    },
    "charterpage": {"kind": "manifesto", "drawn_up_by": ["elected"], "serves_as": []},
    "eventpage": {"start_date": datetime.date(2014, 6, 12), "place": "Lille"},
    "workshopoutcomepage": {"question": "Comment associer les habitants ?"},
}


def index_for(model):
    """The (single) index page of ``model`` under the home page, created if needed."""
    home = HomePage.objects.get()
    index_model = next(
        cls
        for cls in _all_subclasses(PracticeIndexPage)
        if not cls._meta.abstract and cls.listing_model is model
    )
    existing = index_model.objects.child_of(home).first()
    if existing:
        return existing
    index = home.add_child(
        instance=index_model(
            title=str(model._meta.verbose_name_plural), slug=model._meta.model_name
        )
    )
    index.save_revision().publish()
    return index


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def make_page(model, title, *, publish=True, themes=(), tags=(), published_at=None, **fields):
    index = index_for(model)
    values = {**DEFAULTS[model._meta.model_name], **fields}
    page = model(title=title, slug=uuid.uuid4().hex[:12], summary=f"Résumé de {title}", **values)
    page.live = False
    index.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    if tags:
        page.tags.set(list(tags))
    revision = page.save_revision()
    if publish:
        revision.publish()
        if published_at is not None:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
    page.refresh_from_db()
    return page


def restrict_to_members(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def make_theme(name, slug=None):
    return Theme.objects.get_or_create(slug=slug or name.lower(), defaults={"name": name})[0]


def bulk_jobs(count, **fields):
    """``count`` live job descriptions inserted in bulk (a few queries, not thousands of saves)."""
    index = index_for(JobDescriptionPage)
    values = {**DEFAULTS["jobdescriptionpage"], **fields}
    content_type = ContentType.objects.get_for_model(JobDescriptionPage)
    start = index.numchild + 1
    now = timezone.now()
    pages = []
    for i in range(count):
        slug = f"bulk-{start + i}"
        pages.append(
            Page(
                title=f"Fiche {i}",
                draft_title=f"Fiche {i}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index.path, index.depth + 1, start + i),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                first_published_at=now - datetime.timedelta(minutes=i),
                last_published_at=now - datetime.timedelta(minutes=i),
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    ids = list(
        Page.objects.filter(
            path__startswith=index.path, content_type=content_type, slug__startswith="bulk-"
        )
        .exclude(pk__in=JobDescriptionPage.objects.values("pk"))
        .values_list("pk", flat=True)
    )
    fields_list = JobDescriptionPage._meta.local_concrete_fields
    objs = [JobDescriptionPage(page_ptr_id=pk, summary="Résumé", **values) for pk in ids]
    for start_at in range(0, len(objs), 200):
        JobDescriptionPage._base_manager._insert(
            objs[start_at : start_at + 200], fields=fields_list
        )
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    return ids


def shared_corpus(build):
    """A module-scoped fixture building pages once per test module, rolled back after it.

    Tests using it must not be transactional (they run inside this module-wide transaction)
    and must not change the pages.
    """
    import pytest
    from django.db import transaction

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                yield build()
            finally:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    return fixture

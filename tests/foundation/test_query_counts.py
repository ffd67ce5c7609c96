"""Listings and detail pages run a number of SQL queries that does not grow with the content."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.moderation.workflow import submit_for_review
from practices.feeds import FEED_SIZE
from practices.models import (
    CharterPage,
    EventPage,
    ExperiencePage,
    JobDescriptionPage,
    WorkshopOutcomePage,
)
from practices.models.base import LISTING_PAGE_SIZE

from ..opendata.builders import index_for, make_page, make_theme

pytestmark = pytest.mark.django_db

THEMES = ["participation", "jeunesse", "budget"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:  # CSV exports read the database while they are sent
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


def _grow_to(make_experience, count, existing):
    for number in range(existing, count):
        make_experience(themes=THEMES[: 1 + number % 3], tags=[f"étiquette {number % 7}", "commun"])


def test_query_counts_are_the_same_with_5_and_50_pages(client, make_experience, make_user):
    first = make_experience(themes=THEMES, tags=["commun"])
    _grow_to(make_experience, 5, 1)
    listing = first.get_parent().url
    urls = [
        listing,
        listing + "?region=hauts-de-france&year=2014&theme=participation",
        listing + "?page=2",
        first.url,
        "/",
        "/themes/",
        "/themes/participation/",
        "/etiquettes/commun/",
        "/flux/rss/",
        "/flux/themes/participation/atom/",
        "/flux/etiquettes/commun/rss/",
        "/export/experiencepage.csv",
        "/export/themes/participation.csv",
        "/export/etiquettes/commun.csv",
    ]
    for url in urls:
        client.get(url)  # warm per-process caches (site root paths, …)
    with_5 = {url: _queries(client, url) for url in urls}
    _grow_to(make_experience, 50, 5)
    with_50 = {url: _queries(client, url) for url in urls}
    assert with_50 == with_5

    client.force_login(make_user("morgane", "Membres"))
    signed_in = {url: _queries(client, url) for url in urls}
    _grow_to(make_experience, 55, 50)
    assert {url: _queries(client, url) for url in urls} == signed_in


def test_sitemap_costs_the_same_with_5_sheets_of_one_type_and_54_of_five(client, make_experience):
    """The sitemap reads the pages in their generic form, in one query: neither their number
    nor their types (Wagtail's own sitemap reads each type's table) change its cost."""
    urls = ["/sitemap.xml", "/sitemap-pages.xml"]  # the index, its file
    _grow_to(make_experience, 5, 0)
    for url in urls:
        client.get(url)
    with_5 = {url: _queries(client, url) for url in urls}
    _grow_to(make_experience, 50, 5)
    for model in (JobDescriptionPage, CharterPage, EventPage, WorkshopOutcomePage):
        make_page(model, f"Fiche {model.__name__}")
    assert {url: _queries(client, url) for url in urls} == with_5


def test_search_feed_reads_the_tags_of_all_its_items_at_once(
    client, make_experience, django_capture_on_commit_callbacks
):
    """Each item of a search feed lists its tags as categories, without a query per item."""
    url = "/flux/recherche/rss/?q=concertation"
    with django_capture_on_commit_callbacks(execute=True):  # search/ indexes on commit
        _grow_to(make_experience, 3, 0)
    client.get(url)
    with_3 = _queries(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        _grow_to(make_experience, 30, 3)
    response = client.get(url)
    assert response.content.decode().count("<category>commun</category>") == 30
    assert _queries(client, url) == with_3


def test_search_feed_reads_only_the_pages_it_lists(
    client, make_experience, django_capture_on_commit_callbacks
):
    """A frequent word: the feed reads in full its 30 newest hits, not the 200 it chooses from."""
    with django_capture_on_commit_callbacks(execute=True):
        _grow_to(make_experience, FEED_SIZE + 10, 0)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/flux/recherche/rss/?q=concertation")
    titles = re.findall(r"<item><title>([^<]*)</title>", response.content.decode())
    newest = [f"Expérience de test n°{number}" for number in range(FEED_SIZE + 10, 10, -1)]
    assert titles == newest
    assert [len(ids) for ids in _ids_of_cards_read(captured)] == [FEED_SIZE]


def _ids_of_cards_read(captured):
    """The ids of every batch of experience sheets whose themes were read (to show them)."""
    return [
        re.search(r"IN \(([^)]*)\)", query["sql"]).group(1).split(",")
        for query in captured
        if "_prefetch_related_val_experiencepage_id" in query["sql"]
    ]


@pytest.mark.parametrize("url", ["/themes/participation/", "/etiquettes/commun/?page=2"])
def test_theme_and_tag_pages_read_only_the_pages_they_show(client, make_experience, url):
    """A theme or tag with hundreds of pages: its listing loads the 12 cards of the requested
    page, not every page of the theme, whose cost would grow with the corpus."""
    _grow_to(make_experience, 30, 0)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["pages"]) == LISTING_PAGE_SIZE
    assert [len(ids) for ids in _ids_of_cards_read(captured)] == [LISTING_PAGE_SIZE]


def test_my_contributions_costs_the_same_with_3_and_30_sheets(client, make_experience, make_user):
    """A contributor's list of sheets: a fixed number of queries for the published ones, and
    twenty rows a page, so that a prolific contributor's list stays quick."""
    contributor = make_user("claire", "Contributeurs")
    client.force_login(contributor)
    url = "/contribuer/mes-contributions/"

    def propose(count):
        for number in range(count):
            make_experience(owner=contributor, themes=THEMES[: 1 + number % 3], tags=["commun"])

    propose(3)
    client.get(url)
    with_3 = _queries(client, url)
    propose(27)
    assert _queries(client, url) == with_3

    make_experience(owner=contributor, publish=False, themes=["budget"], tags=["brouillon"])
    first, second = client.get(url), client.get(url + "?page=2")
    assert [len(first.context["rows"]), len(second.context["rows"])] == [20, 11]
    assert first.context["rows"][0]["label"] == "Brouillon"
    assert "Page 2 sur 2" in second.content.decode()


def test_my_contributions_cost_the_same_with_4_and_12_unpublished_versions(
    client, make_experience, make_user
):
    """Drafts, sheets under review or sent back with a comment, published sheets with a new
    version in draft: the status, the comment and the completeness of the latest version of each
    row are read with those of the others."""
    contributor = make_user("claire", "Contributeurs")
    moderator = make_user("morgane", "Modérateurs")
    client.force_login(contributor)
    url = "/contribuer/mes-contributions/"

    def propose(count):
        for number in range(count):
            kind = number % 4
            tags = ["commun", f"brouillon {number}"]
            page = make_experience(
                owner=contributor, publish=kind == 3, themes=THEMES[: 1 + kind], tags=tags
            )
            if kind == 3:
                new_version = page.get_latest_revision_as_object()
                new_version.tags.add("nouvelle version")
                new_version.save_revision(user=contributor)
            else:
                if kind:
                    submit_for_review(page, contributor)
                if kind == 2:
                    task = page.current_workflow_state.current_task_state
                    task.reject(user=moderator, comment="Précisez le bilan.")

    propose(4)
    client.get(url)
    with_4 = _queries(client, url)
    propose(8)
    assert _queries(client, url) == with_4
    rows = client.get(url).context["rows"]
    assert [row["status"] for row in rows[:4]] == [
        "published_with_draft",
        "changes_requested",
        "in_review",
        "draft",
    ]
    assert rows[1]["comment"] == "Précisez le bilan."


def _pdf(name):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title=name, file=ContentFile(b"%PDF-1.4", name=f"{name}.pdf")
    )


def _attached(document):
    return [("documents", {"items": [{"document": document, "description": ""}]})]


def _send_for_review(numbers, contributor, moderator):
    """For each of ``numbers``: a new experience sheet with a PDF, saved twice before it is sent (its row
    links to the differences from the previous version); a job description with its PDF, sent
    back (out of the review queue, in the completeness desk); a published sheet whose new
    version (another title, other themes, a tag, a PDF) is sent."""
    themes = [make_theme(name) for name in ("Budget", "Jeunesse")]
    for number in numbers:
        draft = make_page(
            ExperiencePage,
            f"Brouillon {number}",
            publish=False,
            themes=themes[:1],
            tags=["commun", f"brouillon {number}"],
            body=_attached(_pdf(f"bilan-{number}")),
        )
        draft.save_revision(user=contributor)
        job = make_page(
            JobDescriptionPage, f"Poste {number}", publish=False, document=_pdf(f"poste-{number}")
        )
        submit_for_review(job, contributor)
        job.current_workflow_state.current_task_state.reject(user=moderator, comment="Non.")
        published = make_page(ExperiencePage, f"Publiée {number}")
        new_version = published.get_latest_revision_as_object()
        new_version.title = f"Publiée {number} (nouvelle version)"
        new_version.themes = themes
        new_version.tags.add("nouvelle version")
        new_version.body = _attached(_pdf(f"annexe-{number}"))
        new_version.save_revision(user=contributor)
        submit_for_review(draft, contributor)
        submit_for_review(published, contributor)


def test_moderators_desks_cost_the_same_with_3_and_9_sheets_of_each_kind(
    client, make_user, settings, tmp_path
):
    """The review queue and the completeness desk restore the versions they show (their
    completeness, their attachments, the previous version to compare with) all at once, not
    about ten queries per sheet."""
    settings.MEDIA_ROOT = tmp_path
    contributor = make_user("claire", "Contributeurs")
    moderator = make_user("morgane", "Modérateurs")
    client.force_login(moderator)
    queue, desk = "/admin/moderation/relecture/", "/admin/moderation/completude/"
    index = index_for(ExperiencePage)  # a page with neither completeness nor tags
    index.save_revision(user=moderator)
    submit_for_review(index, moderator)

    _send_for_review(range(3), contributor, moderator)
    for url in (queue, desk):
        client.get(url)
    with_3 = {url: _queries(client, url) for url in (queue, desk)}
    _send_for_review(range(3, 9), contributor, moderator)
    assert {url: _queries(client, url) for url in (queue, desk)} == with_3

    rows = client.get(queue).context["rows"]
    assert len(rows) == 1 + 2 * 9
    assert rows[0]["page"] == index and rows[0]["completeness"] is None
    new, changed = rows[1], rows[2]
    assert [document.title for document in new["attachments"]] == ["bilan-0"]
    assert "/revisions/compare/live..." not in new["compare_url"]
    assert [document.title for document in changed["attachments"]] == ["annexe-0"]
    assert "/revisions/compare/live..." in changed["compare_url"]
    assert {"thèmes", "étiquettes", "documents"} <= set(changed["completeness"].filled)
    titles = [row["title"] for row in client.get(desk).context["rows"]]
    assert len(titles) == 3 * 9
    assert "Publiée 8 (nouvelle version)" in titles and "Poste 8" in titles


def test_my_alerts_cost_the_same_with_2_and_8_followed_items(client, make_experience, make_user):
    """« Mes alertes »: each followed theme, tag or search (here filtered on a region or a type,
    whose names need no query) is shown without a query of its own."""
    from taggit.models import Tag

    from kb.watch.models import Subscription
    from practices.models import Theme

    _grow_to(make_experience, 7, 0)
    member = make_user("morgane", "Membres")
    client.force_login(member)

    def follow(themes, tags, searches):
        for theme in Theme.objects.order_by("pk")[:themes]:
            Subscription.objects.get_or_create(user=member, kind="theme", theme=theme)
        for tag in Tag.objects.order_by("pk")[:tags]:
            Subscription.objects.get_or_create(user=member, kind="tag", tag=tag)
        for query in ["q=budget&region=hauts-de-france", "q=jeunesse&type=experiencepage"][
            :searches
        ]:
            Subscription.objects.get_or_create(user=member, kind="search", query=query)

    follow(1, 1, 0)
    client.get("/veille/")
    with_2 = _queries(client, "/veille/")
    follow(3, 3, 2)
    assert Subscription.objects.filter(user=member).count() == 8
    assert _queries(client, "/veille/") == with_2


def test_a_sheet_reads_its_themes_and_tags_once(client, make_experience):
    """The chips, the JSON-LD keywords and the completeness meter share one read of each."""
    page = make_experience(themes=THEMES, tags=["commun", "jeunesse"])
    client.get(page.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    html = response.content.decode()
    assert 'href="/themes/budget/"' in html and 'href="/etiquettes/jeunesse/"' in html
    reads = [query["sql"] for query in captured if 'FROM "taggit_tag"' in query["sql"]]
    reads += [query["sql"] for query in captured if 'FROM "practices_theme"' in query["sql"]]
    assert len(reads) == 2


def test_a_preview_shows_the_themes_and_tags_being_edited(make_experience):
    from practices.models import Theme

    page = make_experience(themes=["participation"], tags=["commun"])
    draft = page.get_latest_revision_as_object()
    draft.themes = [Theme.objects.create(slug="habitat", name="Habitat")]
    draft.tags.set(["logement"])
    html = draft.make_preview_request().content.decode()
    assert 'href="/themes/habitat/"' in html and 'href="/etiquettes/logement/"' in html
    assert 'href="/themes/participation/"' not in html
    assert 'href="/etiquettes/commun/"' not in html

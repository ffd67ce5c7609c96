"""Other people's drafts in the Wagtail admin: a contributor reads none of their titles, whatever
the screen (reports, listings, the admin API); a moderator still reads them all."""

import pytest
from django.test import Client

from practices.models import ExperienceIndexPage
from tests.accounts.helpers import approved_user, text

from .helpers import experience, sections

pytestmark = pytest.mark.django_db

PUBLISHED = "Conseils de quartier de Lille"
DRAFT = "Brouillon Tombouctou"


@pytest.fixture
def people(django_user_model):
    return {
        "author": approved_user(django_user_model, "autrice", "Membres", "Contributeurs"),
        "contributor": approved_user(
            django_user_model, "contributrice", "Membres", "Contributeurs"
        ),
        "moderator": approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs"),
    }


@pytest.fixture
def clients(people):
    result = {}
    for role in ("contributor", "moderator"):
        client = Client()
        client.force_login(people[role])
        result[role] = client
    return result


@pytest.fixture
def pages(people):
    """A published sheet and another contributor's draft, both with their history."""
    index = sections()[ExperienceIndexPage]
    published = experience(index, title=PUBLISHED, slug="conseils", owner=people["moderator"])
    draft = experience(index, title=DRAFT, slug="tombouctou", owner=people["author"], publish=False)
    draft.save_revision(user=people["author"], log_action=True)
    return {"index": index, "published": published, "draft": draft}


def assert_contributors_read_no_other_peoples_draft(clients, url):
    """At ``url``, a contributor reads the published sheet and not another person's draft; a
    moderator reads the draft."""
    seen = text(clients["contributor"].get(url))
    assert PUBLISHED in seen
    assert DRAFT not in seen
    assert DRAFT in text(clients["moderator"].get(url))


def test_site_history_shows_contributors_no_other_peoples_drafts(clients, pages):
    url = "/admin/reports/site-history/"
    assert_contributors_read_no_other_peoples_draft(clients, url)
    assert DRAFT not in text(clients["contributor"].get(url, {"label": "Tombouctou"}))


def test_the_pages_of_a_type_show_contributors_no_other_peoples_drafts(clients, pages):
    """The listing the page types usage report links to, for each type."""
    assert_contributors_read_no_other_peoples_draft(
        clients, "/admin/pages/usage/practices/experiencepage/"
    )


def test_the_admin_api_gives_contributors_no_other_peoples_drafts(clients, pages):
    """The API behind the sidebar's page explorer, which anyone in the admin may call."""
    draft_url = f"/admin/api/main/pages/{pages['draft'].pk}/"
    children_url = f"/admin/api/main/pages/?child_of={pages['index'].pk}"
    assert clients["contributor"].get(draft_url).status_code == 404
    children = text(clients["contributor"].get(children_url))
    assert PUBLISHED in children
    assert DRAFT not in children
    assert DRAFT in text(clients["moderator"].get(draft_url))
    assert DRAFT in text(clients["moderator"].get(children_url))


def test_page_types_usage_names_no_other_peoples_draft_as_last_edited(clients, pages):
    """The draft is the sheet edited last: a contributor reads the last edited published one."""
    url = "/admin/reports/page-types-usage/"
    assert_contributors_read_no_other_peoples_draft(clients, url)
    assert DRAFT in text(clients["moderator"].get(url + "results/"))
    assert Client().get(url)["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("address", ["/admin/pages/{}/", "/admin/choose-page/{}/"])
def test_the_explorer_and_chooser_do_not_open_on_other_peoples_drafts(
    clients, people, pages, address
):
    """Opened by its ID, a page is their heading; a contributor's own draft still opens."""
    index = pages["index"]
    own = experience(index, title="Mon brouillon", slug="mien", owner=people["contributor"])
    own.live = False
    own.save()
    response = clients["contributor"].get(address.format(pages["draft"].pk))
    assert response.status_code == 404
    assert DRAFT not in text(response)
    assert "Mon brouillon" in text(clients["contributor"].get(address.format(own.pk)))
    assert DRAFT in text(clients["moderator"].get(address.format(pages["draft"].pk)))


def test_a_move_confirmation_does_not_title_other_peoples_drafts(clients, pages):
    """Its address names the page to move and its destination."""
    url = f"/admin/pages/{pages['draft'].pk}/move/{pages['index'].pk}/confirm/"
    response = clients["contributor"].get(url, follow=True)
    assert DRAFT not in text(response)
    assert DRAFT in text(clients["moderator"].get(url))


@pytest.mark.parametrize(
    "action",
    ["delete", "move", "publish", "unpublish", "praxis_classification", "praxis_members_only"],
)
def test_a_bulk_action_confirmation_does_not_title_other_peoples_drafts(clients, pages, action):
    """The selected pages are IDs in its address; those one may not act on are listed too."""
    url = f"/admin/bulk/wagtailcore/page/{action}/"
    ids = {"id": [pages["draft"].pk, pages["published"].pk]}
    seen = text(clients["contributor"].get(url, ids))
    assert PUBLISHED in seen
    assert DRAFT not in seen
    assert DRAFT in text(clients["moderator"].get(url, ids))

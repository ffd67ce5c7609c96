"""Permission matrix (anonymous, pending, member, contributor, moderator × views and actions),
and no leak of drafts, members-only pages or contact details."""

import pytest
from django.core import mail
from django.test import Client

from kb.moderation.models import Report
from kb.moderation.restrictions import make_members_only
from kb.permissions import can_see_contact_details
from practices.models import ExperienceIndexPage
from tests.accounts.helpers import approved_user, mails_to, text

from .helpers import experience, sections, theme

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "pending", "member", "contributor", "moderator")
GROUPS = {
    "pending": (),
    "member": ("Membres",),
    "contributor": ("Membres", "Contributeurs"),
    "moderator": ("Membres", "Modérateurs"),
}
SECRET_EMAIL = "camille.secret@example.org"


@pytest.fixture
def site(db):
    found = sections()
    index = found[ExperienceIndexPage]
    budget = theme()
    public = experience(
        index,
        title="Conseils de quartier de Lille",
        slug="conseils-de-quartier",
        body=[
            (
                "resource_persons",
                {
                    "items": [
                        {
                            "name": "Camille Secret",
                            "role": "Chargée de mission",
                            "organisation": "Ville de Lille",
                            "email": SECRET_EMAIL,
                        }
                    ]
                },
            )
        ],
    )
    public.themes.add(budget)
    public.tags.add("quartiers")
    public.save_revision().publish()
    members_only = experience(index, title="Atelier confidentiel Zanzibar", slug="zanzibar")
    members_only.themes.add(budget)
    members_only.tags.add("quartiers")
    members_only.save_revision().publish()
    make_members_only(members_only)
    draft = experience(index, title="Brouillon Tombouctou", slug="tombouctou", publish=False)
    draft.live = False
    draft.save()
    return {"public": public, "members_only": members_only, "draft": draft, "theme": budget}


@pytest.fixture
def clients(db, django_user_model):
    result = {"anonymous": Client()}
    for role, groups in GROUPS.items():
        client = Client()
        user = approved_user(django_user_model, role, *groups)
        client.force_login(user)
        client.user = user
        result[role] = client
    return result


def expect(role, table):
    return table[ROLES.index(role)]


@pytest.mark.parametrize("role", ROLES)
def test_matrix_of_views(role, clients, site):
    client = clients[role]
    # (url, expected status for anonymous, pending, member, contributor, moderator)
    matrix = [
        ("/comptes/profil/", (302, 200, 200, 200, 200)),
        ("/contribuer/mes-contributions/", (302, 403, 403, 200, 200)),
        ("/contribuer/experience/nouvelle/", (302, 403, 403, 200, 200)),
        ("/contribuer/fiche-de-poste/nouvelle/", (302, 403, 403, 200, 200)),
        ("/contribuer/charte/nouvelle/", (302, 403, 403, 200, 200)),
        (site["members_only"].url, (302, 403, 200, 200, 200)),
        (site["draft"].url or "/experiences/tombouctou/", (404, 404, 404, 404, 404)),
    ]
    for url, statuses in matrix:
        response = client.get(url)
        assert response.status_code == expect(role, statuses), (role, url)
        if response.status_code == 302 and role == "anonymous":
            assert response["Location"].startswith("/comptes/login/")
    # Moderators' desks in the Wagtail admin.
    for url in ("/admin/inscriptions/", "/admin/snippets/moderation/report/"):
        response = client.get(url)
        if role == "moderator":
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 403), (role, url)
            if response.status_code == 302:
                assert response["Location"].startswith(("/admin/login/", "/admin/")), url
                assert response["Location"] != url


@pytest.mark.parametrize("role", ROLES)
def test_matrix_of_report_action(role, clients, site):
    client = clients[role]
    response = client.post(
        f"/signaler/{site['public'].pk}/", {"reason": "Le lien vers le bilan est cassé."}
    )
    if role in ("anonymous",):
        assert response.status_code == 302
        assert response["Location"].startswith("/comptes/login/")
        assert not Report.objects.exists()
    elif role == "pending":
        assert response.status_code == 403
        assert not Report.objects.exists()
    else:
        assert response.status_code == 302
        assert Report.objects.get().reporter == client.user


@pytest.mark.parametrize("role", ROLES)
def test_matrix_of_moderator_actions(role, clients, site, django_user_model):
    from kb.accounts.models import Profile

    newcomer = approved_user(django_user_model, "nouvelle")
    profile = Profile.objects.get(user=newcomer)
    client = clients[role]
    client.post(
        f"/admin/inscriptions/{profile.pk}/", {"decision": "approve", "seen_status": "pending"}
    )
    client.post(f"/admin/inscriptions/membre/{newcomer.pk}/contributeur/")
    profile.refresh_from_db()
    groups = set(newcomer.groups.values_list("name", flat=True))
    if role == "moderator":
        assert profile.status == Profile.Status.APPROVED
        assert groups == {"Membres", "Contributeurs"}
    else:
        assert profile.status == Profile.Status.PENDING
        assert groups == set()


@pytest.mark.parametrize("role", ROLES)
def test_contact_details_only_for_approved_members(role, clients, site):
    html = text(clients[role].get(site["public"].url))
    assert "Camille Secret" in html
    user = getattr(clients[role], "user", None)
    if role in ("anonymous", "pending"):
        assert SECRET_EMAIL not in html
        assert "réservées aux membres" in html
        assert not can_see_contact_details(user)
    else:
        assert SECRET_EMAIL in html


def test_report_button_only_for_members(clients, site):
    assert "Signaler" not in text(clients["anonymous"].get(site["public"].url))
    assert "Signaler" not in text(clients["pending"].get(site["public"].url))
    assert "Signaler" in text(clients["member"].get(site["public"].url))


def test_report_goes_to_the_moderators_queue(clients, site):
    clients["member"].post(f"/signaler/{site['public'].pk}/", {"reason": "Chiffres faux."})
    sent = mails_to(clients["moderator"].user.email)
    assert sent and "Chiffres faux." in sent[-1].body
    assert "/admin/snippets/moderation/report/edit/" in sent[-1].body
    listing = clients["moderator"].get("/admin/snippets/moderation/report/")
    html = text(listing)
    assert "Chiffres faux." in html
    assert "Conseils de quartier de Lille" in html
    report = Report.objects.get()
    edit_url = f"/admin/snippets/moderation/report/edit/{report.pk}/"
    assert clients["moderator"].get(edit_url).status_code == 200
    response = clients["moderator"].post(
        edit_url, {"status": "closed", "moderator_note": "Chiffres corrigés."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "closed"
    assert report.reason == "Chiffres faux."  # the member's words are kept
    # An empty reason creates nothing, with a French message.
    response = clients["member"].post(
        f"/signaler/{site['public'].pk}/", {"reason": " "}, follow=True
    )
    assert "Indiquez la raison du signalement." in text(response)
    assert Report.objects.count() == 1


LEAK_URLS = [
    "/",
    "/experiences/",
    "/themes/",
    "/themes/budget-participatif/",
    "/etiquettes/quartiers/",
    "/flux/rss/",
    "/flux/atom/",
    "/flux/themes/budget-participatif/rss/",
    "/flux/etiquettes/quartiers/rss/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/api/v2/pages/",
    "/api/v2/pages/?type=practices.ExperiencePage&fields=*",
    "/recherche/?q=confidentiel",
    "/recherche/?q=Brouillon",
    "/api/search/?q=confidentiel",
    "/api/search/?q=Brouillon",
    "/api/search/autocomplete/?q=confid",
    "/api/search/autocomplete/?q=Brouil",
]


@pytest.mark.parametrize("role", ("anonymous", "pending"))
def test_no_leak_of_drafts_members_only_pages_or_contacts(role, clients, site):
    client = clients[role]
    for url in LEAK_URLS:
        response = client.get(url)
        assert response.status_code < 500, url
        body = (
            text(response)
            if response.get("Content-Type", "").startswith(("text", "application"))
            else ""
        )
        # A leaked page shows its title, or only its address (the sitemap): its slug, lowercase.
        assert "zanzibar" not in body.lower(), url
        assert "tombouctou" not in body.lower(), url
        assert SECRET_EMAIL not in body, url
    # The public page is listed: the checks above are not vacuous.
    assert "Conseils de quartier de Lille" in text(client.get("/experiences/"))


@pytest.mark.parametrize("role", ROLES)
def test_matrix_of_review_actions(role, clients, site, django_user_model):
    from kb.moderation.workflow import submit_for_review

    owner = approved_user(django_user_model, "autrice", "Membres", "Contributeurs")
    page = experience(
        site["public"].get_parent().specific,
        title="En relecture",
        slug="relecture",
        owner=owner,
        publish=False,
    )
    page.save_revision(user=owner)
    submit_for_review(page, owner)
    task_state = page.current_workflow_state.current_task_state
    clients[role].post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    page.refresh_from_db()
    assert page.live is (role == "moderator")
    # Only the owner may edit or resubmit through the public forms.
    response = clients[role].get(f"/contribuer/fiche/{page.pk}/modifier/")
    assert response.status_code == (302 if role == "anonymous" else 403)


def test_workflow_missing_is_a_clear_message(clients, site):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()
    response = clients["contributor"].post(
        "/contribuer/experience/nouvelle/",
        {
            "title": "Sans circuit",
            "summary": "Résumé.",
            "organisation": "Ville",
            "authority_type": "commune",
            "region": "bretagne",
            "start_year": "2020",
            "action": "submit",
        },
    )
    assert response.status_code == 200
    assert "Aucun circuit de relecture" in text(response)
    from practices.models import ExperiencePage

    assert not ExperiencePage.objects.filter(title="Sans circuit").exists()


def test_moderators_mark_pages_members_only_in_bulk(clients, site):
    page = site["public"]
    url = f"/admin/bulk/wagtailcore/page/praxis_members_only/?id={page.pk}&next=/admin/pages/"
    confirm = clients["moderator"].get(url)
    assert confirm.status_code == 200
    assert "n’est visible que des membres validés" in text(confirm)
    assert page.title in text(confirm)
    response = clients["moderator"].post(url, {"members_only": "1"})
    assert response.status_code == 302
    assert clients["anonymous"].get(page.url).status_code == 302
    assert "Conseils de quartier" not in text(clients["anonymous"].get("/experiences/"))
    assert clients["member"].get(page.url).status_code == 200
    clients["moderator"].post(url, {"members_only": "0"})
    assert clients["anonymous"].get(page.url).status_code == 200
    # Nobody else can.
    refused = clients["contributor"].get(url)
    assert "Seuls les modérateurs peuvent changer la visibilité des pages." in text(refused)
    clients["contributor"].post(url, {"members_only": "1"})
    assert clients["anonymous"].get(page.url).status_code == 200


def test_header_links_to_my_contributions_for_contributors_only(clients, site):
    for role in ROLES:
        html = text(clients[role].get("/experiences/"))
        assert ("Mes contributions" in html) is (role in ("contributor", "moderator")), role


def test_members_report_members_only_pages_but_not_drafts(clients, site):
    response = clients["member"].post(
        f"/signaler/{site['members_only'].pk}/", {"reason": "Document manquant."}
    )
    assert response.status_code == 302
    assert Report.objects.get().page_id == site["members_only"].pk
    assert (
        clients["member"].post(f"/signaler/{site['draft'].pk}/", {"reason": "x"}).status_code == 404
    )
    assert clients["member"].get(site["members_only"].url).status_code == 200
    assert "Signaler" in text(clients["member"].get(site["members_only"].url))


def test_admin_menu_shows_the_moderators_desks_to_moderators_only(clients, site):
    desks = (
        "/admin/inscriptions/",
        "/admin/moderation/relecture/",
        "/admin/moderation/etiquettes/",
        "/admin/moderation/completude/",
    )
    moderator_home = text(clients["moderator"].get("/admin/"))
    for desk in desks:
        assert desk in moderator_home
    contributor_home = clients["contributor"].get("/admin/")
    assert contributor_home.status_code == 200
    for desk in desks:
        assert desk not in text(contributor_home)


def _attach(page, document):
    page = page.specific
    page.body = [("documents", {"items": [{"document": document, "description": ""}]})]
    page.save_revision().publish()


@pytest.fixture
def documents(site):
    from wagtail.documents import get_document_model

    from .files import pdf

    made = {}
    for key in ("public", "members_only"):
        made[key] = get_document_model().objects.create(
            title=f"Compte rendu {key}", file=pdf(f"compte-rendu-{key}.pdf")
        )
        _attach(site[key], made[key])
    return made


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("role", ROLES)
def test_documents_of_members_only_pages_are_members_only(role, clients, documents):
    client = clients[role]
    public = client.get(documents["public"].url)
    assert public.status_code == 200 and _body(public).startswith(b"%PDF")
    response = client.get(documents["members_only"].url)
    assert response.status_code == expect(role, (302, 403, 200, 200, 200)), role
    if role == "anonymous":
        assert response["Location"].startswith("/comptes/login/")
    if response.status_code == 200:
        assert _body(response).startswith(b"%PDF")
    else:
        assert b"%PDF" not in _body(response)
    if response.status_code == 403:
        assert "Ce document est réservé aux membres" in text(response)


def test_a_document_also_used_by_a_public_page_stays_public(clients, site, documents):
    anonymous = clients["anonymous"]
    assert anonymous.get(documents["members_only"].url).status_code == 302
    _attach(site["public"], documents["members_only"])
    assert anonymous.get(documents["members_only"].url).status_code == 200


def test_a_report_with_a_nul_character_is_refused_with_a_message(clients, site):
    """PostgreSQL cannot store a NUL character: the report is refused, not a server error."""
    mail.outbox.clear()
    response = clients["member"].post(
        f"/signaler/{site['public'].pk}/", {"reason": "Chiffres\x00 faux."}, follow=True
    )
    assert response.status_code == 200
    assert "Le caractère nul n’est pas autorisé." in text(response)
    assert not Report.objects.exists()
    assert not mail.outbox


def test_contributors_browsing_the_admin_see_published_pages_and_their_own_drafts_only(
    clients, site
):
    contributor = clients["contributor"]
    index = site["public"].get_parent()
    own = experience(index, title="Mon brouillon Ouagadougou", slug="ouaga", publish=False)
    own.owner = contributor.user
    own.live = False
    own.save()

    listing = text(contributor.get(f"/admin/pages/{index.pk}/"))
    assert "Conseils de quartier de Lille" in listing
    assert "Mon brouillon Ouagadougou" in listing
    assert "Brouillon Tombouctou" not in listing
    chooser = text(contributor.get(f"/admin/choose-page/{index.pk}/"))
    assert "Conseils de quartier de Lille" in chooser
    assert "Brouillon Tombouctou" not in chooser

    # Moderators see every draft.
    assert "Brouillon Tombouctou" in text(clients["moderator"].get(f"/admin/pages/{index.pk}/"))


def test_the_moderators_menu_labels_fit_the_admin_sidebar(clients, site):
    import json
    import re

    html = clients["moderator"].get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1]
    (main_menu,) = [
        module["_args"][0]
        for module in json.loads(props)["modules"]
        if module["_type"] == "wagtail.sidebar.MainMenuModule"
    ]
    labels = [item["_args"][0]["label"] for item in main_menu]

    assert "Complétude" in labels
    # Wagtail's sidebar cuts a label longer than about 18 characters ("Complétude des fi…").
    assert [label for label in labels if len(label) > 18] == []


def test_the_admin_page_search_shows_contributors_no_other_peoples_drafts(clients, site):
    contributor = clients["contributor"]
    found = text(contributor.get("/admin/pages/search/", {"q": "Tombouctou"}))
    assert "Brouillon Tombouctou" not in found
    assert "Conseils de quartier de Lille" in text(
        contributor.get("/admin/pages/search/", {"q": "Lille"})
    )
    assert "Brouillon Tombouctou" in text(
        clients["moderator"].get("/admin/pages/search/", {"q": "Tombouctou"})
    )
